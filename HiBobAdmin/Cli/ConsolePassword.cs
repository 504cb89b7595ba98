using System.Text;

namespace HiBobAdmin.Cli;

/// <summary>
/// Standard input for <c>hash-password</c>: piped input as it is; at a terminal, a prompt on standard error and
/// the typed characters kept off the screen, so the password neither echoes nor lands in the printed output.
/// </summary>
public static class ConsolePassword
{
    public static TextReader Input()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In;
        }

        Console.Error.Write("Password (not shown): ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return new StringReader(typed.Append('\n').ToString());
    }
}
