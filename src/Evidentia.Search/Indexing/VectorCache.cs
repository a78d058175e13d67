using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Evidentia.Search.Indexing;

/// <summary>
/// Sentence vectors by the content hash of their text, in an append-only file: a text is encoded once, whatever
/// document holds it and however often the index is rebuilt. A record is the 16-byte key and the vector; appends are
/// flushed to disk before they are visible, and a record cut short by a crash is dropped when the file is opened.
/// </summary>
public sealed class VectorCache : IDisposable
{
    private const int KeyBytes = 16;

    private readonly ConcurrentDictionary<UInt128, float[]> _vectors = new();
    // Null when read-only (another process appends to the file).
    private readonly FileStream? _file;
    private readonly Lock _append = new();

    private VectorCache(FileStream? file, int dimensions)
    {
        _file = file;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>Vectors held.</summary>
    public int Count => _vectors.Count;

    /// <summary>
    /// Opens (or creates) the cache file, reading every whole record and dropping a partial last one;
    /// <paramref name="readOnly"/> reads the whole records beside the process that appends to it.
    /// </summary>
    public static VectorCache Open(string path, int dimensions, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path))
        {
            return new VectorCache(null, dimensions);
        }

        var file = readOnly
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)
            : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var cache = new VectorCache(readOnly ? null : file, dimensions);
        var record = new byte[KeyBytes + (dimensions * sizeof(float))];
        long whole = 0;
        while (file.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) == record.Length)
        {
            cache._vectors[MemoryMarshal.Read<UInt128>(record)] = MemoryMarshal.Cast<byte, float>(record.AsSpan(KeyBytes)).ToArray();
            whole += record.Length;
        }

        if (readOnly)
        {
            file.Dispose();
            return cache;
        }

        file.SetLength(whole);
        file.Position = whole;
        return cache;
    }

    public bool TryGet(UInt128 key, out float[] vector) => _vectors.TryGetValue(key, out vector!);

    public bool Contains(UInt128 key) => _vectors.ContainsKey(key);

    /// <summary>Appends vectors and flushes them to disk; then they are visible.</summary>
    public void Add(IReadOnlyList<(UInt128 Key, float[] Vector)> vectors)
    {
        var file = _file ?? throw new InvalidOperationException("These vectors are open read-only: another Evidentia process writes them.");
        lock (_append)
        {
            var record = new byte[KeyBytes + (Dimensions * sizeof(float))];
            foreach (var (key, vector) in vectors)
            {
                if (vector.Length != Dimensions)
                {
                    throw new ArgumentException($"A vector of {vector.Length} dimensions in a cache of {Dimensions}.", nameof(vectors));
                }

                MemoryMarshal.Write(record, in key);
                MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(record.AsSpan(KeyBytes));
                file.Write(record);
            }

            file.Flush(flushToDisk: true);
            foreach (var (key, vector) in vectors)
            {
                _vectors[key] = vector;
            }
        }
    }

    public void Dispose() => _file?.Dispose();
}
