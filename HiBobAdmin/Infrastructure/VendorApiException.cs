namespace HiBobAdmin.Infrastructure;

/// <summary>
/// A HiBob or Port call that failed in a way the whole run cannot recover from. <see cref="Exception.Message"/> is
/// the short, human sentence shown in the UI and stored on the run: it never holds credentials or a stack trace.
/// </summary>
public sealed class VendorApiException : Exception
{
    public VendorApiException()
    {
    }

    public VendorApiException(string message)
        : base(message)
    {
    }

    public VendorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VendorApiException(string vendor, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Vendor = vendor;
        StatusCode = statusCode;
    }

    /// <summary><c>HiBob</c> or <c>Port</c>.</summary>
    public string? Vendor { get; }

    /// <summary>The HTTP status that ended the call, when there was one.</summary>
    public int? StatusCode { get; }
}
