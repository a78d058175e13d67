namespace Evidentia.Cli;

/// <summary>
/// What a first run ingests into an empty data folder: the corpora in <c>../shared/data</c> when that
/// folder exists beside the checkout (as on our CI machines), otherwise the demonstration corpus shipped
/// with the tool.
/// </summary>
public static class DefaultCorpus
{
    /// <summary>The folder to ingest on first use.</summary>
    public static string Locate() => FindSharedData() ?? DemoPath;

    /// <summary>The nearest <c>shared/data</c> above the working directory or the executable, or null.</summary>
    public static string? FindSharedData()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var shared = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }
        }

        return null;
    }

    /// <summary>The demonstration corpus copied beside the executable.</summary>
    public static string DemoPath => Path.Combine(AppContext.BaseDirectory, "demo");
}
