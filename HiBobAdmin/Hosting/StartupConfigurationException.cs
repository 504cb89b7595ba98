namespace HiBobAdmin.Hosting;

/// <summary>Configuration that cannot work; the message names the keys to set and is shown as is.</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
