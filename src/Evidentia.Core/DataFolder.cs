namespace Evidentia.Core;

/// <summary>
/// The one folder that holds an embedded deployment: the SQLite store and the Lucene index.
/// Default: <c>$EVIDENTIA_DATA</c>, else <c>~/.local/share/evidentia</c> (the platform's local application data folder).
/// </summary>
public sealed class DataFolder
{
    /// <summary>The environment variable that sets the default data folder.</summary>
    public const string EnvironmentVariable = "EVIDENTIA_DATA";

    public DataFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "evidentia.db");

    public string IndexPath => System.IO.Path.Combine(Path, "index");

    /// <summary>The environment variable that puts the keys folder elsewhere (a folder every node shares, when scaled out).</summary>
    public const string KeysVariable = "EVIDENTIA_KEYS";

    /// <summary>
    /// Secrets kept outside the database (the audit trail's signing key): <c>$EVIDENTIA_KEYS</c>, else <c>keys</c> in
    /// the data folder.
    /// </summary>
    public string KeysPath => Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } keys
        ? System.IO.Path.GetFullPath(keys)
        : System.IO.Path.Combine(Path, "keys");

    /// <summary>The folder from <c>--data</c>, else the environment variable, else the platform default.</summary>
    public static DataFolder Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new DataFolder(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new DataFolder(fromEnvironment);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return new DataFolder(System.IO.Path.Combine(local, "evidentia"));
    }

    public void EnsureExists() => Directory.CreateDirectory(Path);
}
