namespace Evidentia.Cli.Commands;

/// <summary>Exit codes of the <c>evidentia</c> command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that is not the user's input.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a missing path, an empty or over-long question, a bad option value.</summary>
    public const int BadInput = 2;

    /// <summary>The work was done, but some records, files or lines were skipped for problems (listed on standard error).</summary>
    public const int CompletedWithProblems = 3;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
