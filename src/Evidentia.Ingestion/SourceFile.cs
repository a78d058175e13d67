using System.IO.Compression;

namespace Evidentia.Ingestion;

/// <summary>A file to read, the format chosen for it and the collection its documents go to.</summary>
public sealed record SourceFile(string Path, string Format, string Collection)
{
    /// <summary>The id a local file's document takes when its name alone would collide with another file's; null: from its name.</summary>
    public string? Id { get; init; }

    /// <summary>Reports how many bytes of the (compressed) file have been read.</summary>
    public IProgress<long>? BytesRead { get; init; }

    /// <summary>Opens the file for reading, through gzip when it ends in .gz.</summary>
    public Stream OpenRead()
    {
        Stream stream = new ProgressStream(File.OpenRead(Path), BytesRead);
        return Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public TextReader OpenText() => new StreamReader(OpenRead(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>The whole text of the file, decompressed.</summary>
    public string ReadAllText()
    {
        using var reader = OpenText();
        return reader.ReadToEnd();
    }

    public string Name => System.IO.Path.GetFileName(Path);

    private sealed class ProgressStream(Stream inner, IProgress<long>? progress) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            progress?.Report(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            progress?.Report(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
