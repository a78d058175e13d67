using System.IO.Compression;

namespace Evidentia.Ingestion;

/// <summary>A file to read, the format chosen for it and the collection its documents go to.</summary>
public sealed record SourceFile(string Path, string Format, string Collection)
{
    /// <summary>The id a local file's document takes when its name alone would collide with another file's; null: from its name.</summary>
    public string? Id { get; init; }

    /// <summary>Reports how many bytes of the (compressed) file have been read.</summary>
    public IProgress<long>? BytesRead { get; init; }

    /// <summary>
    /// Opens the file for reading, through gzip when it ends in .gz: then a file that ends early or is damaged (its gzip
    /// trailer, CRC-32 and length, does not match what it held) throws <see cref="InvalidDataException"/> at its end, so
    /// that nothing of it is written and nothing it held removed.
    /// </summary>
    public Stream OpenRead()
    {
        Stream stream = new ProgressStream(File.OpenRead(Path), BytesRead);
        return Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGzipStream(new GZipStream(stream, CompressionMode.Decompress), Path) : stream;
    }

    /// <summary>Opens the file as UTF-8 text; bytes that are not UTF-8 read as U+FFFD and are counted in <see cref="InvalidBytes"/>.</summary>
    public TextReader OpenText()
    {
        var encoding = (System.Text.Encoding)new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = _invalid;
        return new StreamReader(OpenRead(), encoding, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>How many byte sequences of the text read so far were not UTF-8 (each read as U+FFFD).</summary>
    public int InvalidBytes => _invalid.Count;

    private readonly CountingFallback _invalid = new();

    // U+FFFD for each invalid sequence, as the default, counted so that the ingest can say so.
    private sealed class CountingFallback : System.Text.DecoderFallback
    {
        private int _count;

        public int Count => _count;

        public override int MaxCharCount => 1;

        public override System.Text.DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : System.Text.DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                Interlocked.Increment(ref owner._count);
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }

                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;
        }
    }

    /// <summary>The whole text of the file, decompressed.</summary>
    /// <exception cref="InvalidSourceException">The text is longer than <see cref="IngestLimits.MaxDocumentChars"/>.</exception>
    public string ReadAllText()
    {
        using var reader = OpenText();
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + n > IngestLimits.MaxDocumentChars)
            {
                throw new InvalidSourceException($"the text is longer than {IngestLimits.MaxDocumentChars:N0} characters: not read");
            }

            text.Append(buffer, 0, n);
        }

        return text.ToString();
    }

    public string Name => System.IO.Path.GetFileName(Path);

    // The decompressed bytes with their CRC-32 and count, checked against the file's last eight bytes at the end. A file of
    // several gzip members (concatenated) has the last member's trailer only: it is refused too, with the reason.
    private sealed class CheckedGzipStream(Stream inner, string path) : ReadOnlyWrapper(inner)
    {
        private readonly System.IO.Hashing.Crc32 _crc = new();
        private long _length;
        private bool _checked;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            if (n > 0)
            {
                _crc.Append(buffer[..n]);
                _length += n;
                if (_length > IngestLimits.MaxDecompressedBytes)
                {
                    throw new InvalidSourceException($"it expands beyond {IngestLimits.MaxDecompressedBytes / (1024 * 1024 * 1024):N0} GiB once decompressed: not read");
                }
            }
            else if (buffer.Length > 0 && !_checked)
            {
                _checked = true;
                Check();
            }

            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        private void Check()
        {
            Span<byte> trailer = stackalloc byte[8];
            using (var file = File.OpenRead(path))
            {
                if (file.Length < 18)
                {
                    throw new InvalidDataException($"{System.IO.Path.GetFileName(path)} is too short to be a gzip file");
                }

                file.Seek(-8, SeekOrigin.End);
                file.ReadExactly(trailer);
            }

            var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
            if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_length)
            {
                throw new InvalidDataException(
                    $"{System.IO.Path.GetFileName(path)} ends early or is damaged: its gzip trailer does not match the {_length:N0} bytes it holds (a file of several gzip members is not read either)");
            }
        }
    }

    private sealed class ProgressStream(Stream inner, IProgress<long>? progress) : ReadOnlyWrapper(inner)
    {
        public override bool CanSeek => Inner.CanSeek;

        public override long Length => Inner.Length;

        public override long Position { get => Inner.Position; set => Inner.Position = value; }

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            progress?.Report(n);
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);
    }

    // What both readers above share: a read-only stream over another, which it disposes; reads go through Read(Span).
    private abstract class ReadOnlyWrapper(Stream inner) : Stream
    {
        protected Stream Inner => inner;

        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

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
