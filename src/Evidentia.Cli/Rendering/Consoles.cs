using Spectre.Console;

namespace Evidentia.Cli.Rendering;

/// <summary>
/// The two consoles of the tool: results go to standard output, progress and messages to standard error,
/// so that <c>--json</c> output can be piped whatever else is shown.
/// </summary>
public static class Consoles
{
    public static IAnsiConsole Out { get; set; } = AnsiConsole.Console;

    public static IAnsiConsole Error { get; set; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Writes a one-line error to standard error.</summary>
    public static void Fail(string message) => Error.MarkupLineInterpolated($"[red]error:[/] {message}");
}
