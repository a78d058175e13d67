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

    public static DataFolder DataFolder(ParseResult result) => Core.DataFolder.Resolve(result.GetValue(Data));
}
