namespace Evidentia.Core.Audit;

/// <summary>
/// The secret key that signs the audit trail's head, in a file of the keys folder (outside the database, and not in
/// its backups: back the keys folder up on its own). Nodes of one scaled-out deployment share the keys folder.
/// </summary>
public static class AuditKey
{
    public const string FileName = "audit.key";

    private const int Bytes = 32;

    /// <summary>Reads the key from <paramref name="keysFolder"/>, creating it (random, readable by its owner only) on first use.</summary>
    /// <exception cref="InvalidDataException">The key file is not a key.</exception>
    public static byte[] LoadOrCreate(string keysFolder)
    {
        var path = Path.Combine(keysFolder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keysFolder);
            var created = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Bytes);
            var partial = path + "." + Guid.NewGuid().ToString("N") + ".partial";
            using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                file.Write(created);
                file.Flush(flushToDisk: true);
            }

            // Two processes creating it at once: the first one's key wins, and both use it.
            try
            {
                File.Move(partial, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(partial);
            }
        }

        var key = File.ReadAllBytes(path);
        return key.Length == Bytes ? key : throw new InvalidDataException($"{path} is not an audit key ({key.Length} bytes, not {Bytes}).");
    }
}
