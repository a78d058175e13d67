using System.CommandLine;
using Evidentia.Core;

namespace Evidentia.Cli.Commands;

/// <summary>Options every command takes.</summary>
public static class GlobalOptions
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = $"The data folder (SQLite store and Lucene index). Default: ${Core.DataFolder.EnvironmentVariable}, else ~/.local/share/evidentia.",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>Scale-out: the PostgreSQL database shared by every node; the data folder then holds only this node's index.</summary>
    public static Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = $"Scale-out: a PostgreSQL connection string (\"Host=…;Database=…;Username=…;Password=…\") for the shared store; the data folder keeps this node's index. Default: ${PostgresVariable}.",
        HelpName = "CONNECTION",
        Recursive = true,
    };

    public const string PostgresVariable = "EVIDENTIA_POSTGRES";

    public static DataFolder DataFolder(ParseResult result) => Core.DataFolder.Resolve(result.GetValue(Data));

    /// <summary>The PostgreSQL connection string from the option or the environment, or null for the embedded SQLite store.</summary>
    public static string? PostgresConnection(ParseResult result) =>
        result.GetValue(Postgres) is { Length: > 0 } value ? value : Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } env ? env : null;

    /// <summary>
    /// Opens the data folder (and the shared PostgreSQL store when one is given); <paramref name="beside"/> for a
    /// command that does not write the index, which then works beside a running server.
    /// </summary>
    public static Task<Workspace> OpenAsync(ParseResult result, CancellationToken cancellationToken, bool beside = false) =>
        Workspace.OpenAsync(DataFolder(result), cancellationToken, PostgresConnection(result), beside);
}
