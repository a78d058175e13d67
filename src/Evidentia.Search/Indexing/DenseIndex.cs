using System.IO.Hashing;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Evidentia.Core.Documents;
using Evidentia.Core.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Evidentia.Search.Indexing;

/// <summary>
/// Sentence vectors of the citable documents (their title and own question), derived from the Lucene index as the
/// index is from the store: each indexed document carries the text to encode and its content hash, and the vectors
/// live in a <see cref="VectorCache"/> beside the index under those hashes. The index therefore follows the store's
/// change feed (on every node, replicas included) and the vectors follow the index: a document whose vector is not
/// yet encoded is simply not covered, <see cref="Build"/> encodes what is missing (in the background or from the
/// command line), and an unchanged text is never encoded twice. Search is brute force with SIMD over per-segment
/// matrices built once per segment.
/// </summary>
public sealed class DenseIndex : IDisposable
{
    private const int EncodeChunk = 256;

    private readonly VectorCache _cache;
    private readonly Lazy<ITextEncoder> _encoder;
    private readonly ConditionalWeakTable<object, Leaf> _leaves = [];
    private readonly SemaphoreSlim _building = new(1, 1);

    private DenseIndex(VectorCache cache, string model, Lazy<ITextEncoder> encoder)
    {
        _cache = cache;
        Model = model;
        _encoder = encoder;
    }

    /// <summary>The encoder's name; the cache file is per encoder, so vectors of two models are never mixed.</summary>
    public string Model { get; }

    /// <summary>
    /// Opens the vectors of <paramref name="model"/> beside the index in <paramref name="indexPath"/> (read-only beside
    /// the process that builds them); the encoder loads on first use.
    /// </summary>
    public static DenseIndex Open(string indexPath, string model, int dimensions, Func<ITextEncoder> encoder, bool readOnly = false)
    {
        Directory.CreateDirectory(indexPath);
        return new DenseIndex(VectorCache.Open(Path.Combine(indexPath, $"dense-{model}.vec"), dimensions, readOnly), model, new Lazy<ITextEncoder>(encoder));
    }

    /// <summary>
    /// What a citable document's vector is made from: its own question (with its title when the question does not
    /// name it), else its title. Null for an empty one.
    /// </summary>
    public static string? Text(Document document)
    {
        var title = WhitespaceNormalizer.CollapseAll(document.Title).Trim();
        var question = document.Field(DocumentFields.Question) is { } q ? WhitespaceNormalizer.CollapseAll(q).Trim() : "";
        var text = question.Length == 0 ? title : question.Contains(title, StringComparison.OrdinalIgnoreCase) ? question : $"{title}: {question}";
        return text.Length > 0 ? text : null;
    }

    /// <summary>The content hash a text's vector is kept under (XXH128 of its UTF-8 bytes).</summary>
    public static byte[] KeyBytes(string text) => XxHash128.Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>A question's vector, compared with the documents' questions and titles (no query prefix).</summary>
    public float[] Encode(string question) => _encoder.Value.Encode([question])[0];

    /// <summary>How many of the snapshot's citable documents have their vector, of how many.</summary>
    public (int Encoded, int Total) Coverage(IndexReader reader)
    {
        int encoded = 0, total = 0;
        foreach (var context in reader.Leaves)
        {
            // The vectors are per segment; which of its documents are live is per snapshot.
            var leaf = For(context);
            var live = context.AtomicReader.LiveDocs;
            for (var doc = 0; doc < leaf.Keyed.Length; doc++)
            {
                if (leaf.Keyed[doc] && (live is null || live.Get(doc)))
                {
                    total++;
                    encoded += leaf.Present[doc] ? 1 : 0;
                }
            }
        }

        return (encoded, total);
    }

    /// <summary>Whether every citable document of the snapshot has its vector (and there is at least one).</summary>
    public bool IsComplete(IndexReader reader) => Coverage(reader) is var (encoded, total) && total > 0 && encoded == total;

    /// <summary>The <paramref name="top"/> documents of the snapshot nearest <paramref name="query"/>, nearest first, that <paramref name="accept"/> lets through.</summary>
    public IReadOnlyList<(int Doc, float Similarity)> Nearest(IndexReader reader, float[] query, int top, Func<int, bool>? accept = null)
    {
        var best = new PriorityQueue<(int Doc, float Similarity), float>(top + 1);
        foreach (var context in reader.Leaves)
        {
            var leaf = For(context);
            var live = context.AtomicReader.LiveDocs;
            var dimensions = _cache.Dimensions;
            for (var doc = 0; doc < leaf.Present.Length; doc++)
            {
                if (!leaf.Present[doc] || (live is not null && !live.Get(doc)))
                {
                    continue;
                }

                // The filter (a stored-field read, say) only for a document near enough to enter the list.
                var similarity = TensorPrimitives.Dot(leaf.Rows.AsSpan(doc * dimensions, dimensions), query);
                if ((best.Count == top && similarity <= best.Peek().Similarity) || (accept is not null && !accept(context.DocBase + doc)))
                {
                    continue;
                }

                if (best.Count < top)
                {
                    best.Enqueue((context.DocBase + doc, similarity), similarity);
                }
                else
                {
                    best.EnqueueDequeue((context.DocBase + doc, similarity), similarity);
                }
            }
        }

        var result = new List<(int Doc, float Similarity)>(best.Count);
        while (best.TryDequeue(out var hit, out _))
        {
            result.Add(hit);
        }

        result.Reverse();
        return result;
    }

    /// <summary>The similarity of a document of the snapshot to <paramref name="query"/>, or null when it has no vector.</summary>
    public float? Similarity(IndexReader reader, int doc, float[] query)
    {
        var context = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var leaf = For(context);
        var local = doc - context.DocBase;
        return leaf.Present[local] ? TensorPrimitives.Dot(leaf.Rows.AsSpan(local * _cache.Dimensions, _cache.Dimensions), query) : null;
    }

    /// <summary>
    /// Encodes the texts of the snapshot's documents that have no vector yet, a chunk at a time, each chunk durable
    /// before the next; reports texts done of texts missing. Returns how many were encoded. One build at a time.
    /// </summary>
    public int Build(IndexSearcher searcher, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        _building.Wait(cancellationToken);
        try
        {
            var missing = new Dictionary<UInt128, string>();
            var bytes = new BytesRef();
            foreach (var context in searcher.IndexReader.Leaves)
            {
                var atomic = context.AtomicReader;
                var keys = atomic.GetBinaryDocValues(IndexFields.DenseKey);
                var has = atomic.GetDocsWithField(IndexFields.DenseKey);
                var live = atomic.LiveDocs;
                for (var doc = 0; keys is not null && doc < atomic.MaxDoc; doc++)
                {
                    if (has.Get(doc) && (live is null || live.Get(doc)) && Key(keys, doc, bytes) is var key && !_cache.Contains(key) && !missing.ContainsKey(key))
                    {
                        missing[key] = atomic.Document(doc).Get(IndexFields.DenseText);
                    }
                }
            }

            var done = 0;
            progress?.Report((0, missing.Count));
            foreach (var chunk in missing.Chunk(EncodeChunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var vectors = _encoder.Value.Encode(chunk.Select(c => c.Value).ToList());
                _cache.Add(chunk.Select((c, i) => (c.Key, vectors[i])).ToList());
                done += chunk.Length;
                progress?.Report((done, missing.Count));
            }

            return done;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _building.Dispose();
    }

    private static UInt128 Key(BinaryDocValues keys, int doc, BytesRef bytes)
    {
        keys.Get(doc, bytes);
        return MemoryMarshal.Read<UInt128>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    // A segment's vectors as one matrix, made once; remade while some are missing and the cache has grown since.
    private Leaf For(AtomicReaderContext context)
    {
        var core = context.AtomicReader.CoreCacheKey;
        if (_leaves.TryGetValue(core, out var leaf) && (leaf.Complete || leaf.CacheCount == _cache.Count))
        {
            return leaf;
        }

        leaf = Load(context.AtomicReader);
        _leaves.AddOrUpdate(core, leaf);
        return leaf;
    }

    private Leaf Load(AtomicReader atomic)
    {
        var cacheCount = _cache.Count;
        var dimensions = _cache.Dimensions;
        var rows = new float[atomic.MaxDoc * dimensions];
        var present = new bool[atomic.MaxDoc];
        var keyed = new bool[atomic.MaxDoc];
        var keys = atomic.GetBinaryDocValues(IndexFields.DenseKey);
        var has = atomic.GetDocsWithField(IndexFields.DenseKey);
        var bytes = new BytesRef();
        var complete = true;
        for (var doc = 0; keys is not null && doc < atomic.MaxDoc; doc++)
        {
            if (!has.Get(doc))
            {
                continue;
            }

            keyed[doc] = true;
            if (_cache.TryGet(Key(keys, doc, bytes), out var vector))
            {
                vector.CopyTo(rows, doc * dimensions);
                present[doc] = true;
            }
            else
            {
                complete = false;
            }
        }

        return new Leaf(rows, present, keyed, complete, cacheCount);
    }

    // A segment's documents (deleted ones too: deletions are per snapshot): their vectors, which have one, which should.
    private sealed record Leaf(float[] Rows, bool[] Present, bool[] Keyed, bool Complete, int CacheCount);
}
