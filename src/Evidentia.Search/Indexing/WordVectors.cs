using System.Numerics;
using System.Runtime.InteropServices;

namespace Evidentia.Search.Indexing;

/// <summary>
/// Word vectors learned from the indexed corpus itself (skip-gram with negative sampling: Mikolov et al., "Distributed
/// Representations of Words and Phrases and their Compositionality", 2013), over the index analyser's terms, so that a
/// question and a page can be compared by what their words mean and not only by the words they share ("bundle blockage"
/// and "heart block"). No pretrained weights: they are trained when the index is built from the whole store
/// (<see cref="IndexSynchronizer"/>), with fixed seeds and a fixed split of the work, so one store always gives the
/// same vectors on machines of one kind (floating-point sums follow the processor's vector width and the runtime's
/// exponential, so another kind of processor may learn slightly different ones).
/// </summary>
public sealed class WordVectors
{
    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 100;

    private const int Window = 5;
    private const int Negatives = 5;
    private const int MinCount = 5;
    private const int Epochs = 3;
    private const float LearningRate = 0.025f;
    private const double Subsample = 1e-4;
    private const int Seed = 7;
    private const int Parts = 2;

    /// <summary>
    /// A document teaches by its first this many words (<see cref="TrainingSample"/>): a guideline summary runs to 15,000
    /// and, whole, would cost the learning more than every other corpus while its opening already holds its vocabulary.
    /// </summary>
    public const int MaxTermsPerDocument = 500;
    private const int Magic = 0x45565731; // "EVW1"

    private readonly Dictionary<string, int> _words;
    private readonly float[] _vectors;
    private readonly float[] _idf;

    private WordVectors(Dictionary<string, int> words, float[] vectors, float[] idf)
    {
        _words = words;
        _vectors = vectors;
        _idf = idf;
    }

    /// <summary>No vectors: every embedding is zero (a corpus too small to learn from, or an index not yet built).</summary>
    public static WordVectors Empty { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), [], []);

    /// <summary>Number of words with a vector.</summary>
    public int Count => _words.Count;

    /// <summary>
    /// The idf-weighted sum of the terms' vectors, of unit length (all zeros when none has a vector); a term counts
    /// as often as it is given.
    /// </summary>
    public float[] Embed(IEnumerable<string> terms)
    {
        var sum = new float[Dimensions];
        foreach (var term in terms)
        {
            if (_words.TryGetValue(term, out var i))
            {
                Axpy(_idf[i], _vectors.AsSpan(i * Dimensions, Dimensions), sum);
            }
        }

        Normalize(sum);
        return sum;
    }

    /// <summary>The cosine of two embeddings (their dot product: both are of unit length or zero).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => a.Length == b.Length ? Dot(a, b) : 0;

    /// <summary>An embedding as bytes (half precision), for doc values.</summary>
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * 2];
        for (var i = 0; i < vector.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (Half)vector[i]);
        }

        return bytes;
    }

    /// <summary>An embedding read back from <see cref="ToBytes"/>.</summary>
    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var vector = new float[bytes.Length / 2];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)BitConverter.ToHalf(bytes[(i * 2)..]);
        }

        return vector;
    }

    /// <summary>Trains vectors on documents given as their analysed terms in order; words seen fewer than five times get none.</summary>
    /// <param name="progress">Words trained on so far, of every epoch's words: about a hundred reports, from the learners' threads, one at a time and never backwards.</param>
    public static WordVectors Train(IReadOnlyCollection<IReadOnlyList<string>> documents, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in documents)
        {
            foreach (var t in terms)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }

            foreach (var t in terms.Distinct())
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var words = counts.Where(c => c.Value >= MinCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToArray();
        if (words.Length == 0)
        {
            return Empty;
        }

        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            index[words[i]] = i;
        }

        // Lucene's BM25 idf over the training documents.
        var idf = words.Select(w => (float)Math.Log(1 + ((documents.Count - df[w] + 0.5) / (df[w] + 0.5)))).ToArray();
        var sentences = documents.Select(d => d.Where(index.ContainsKey).Select(t => index[t]).ToArray()).ToArray();
        var vectors = Learn(sentences, words.Select(w => counts[w]).ToArray(), progress, cancellationToken);
        return new WordVectors(index, vectors, idf);
    }

    // Skip-gram with negative sampling: each word predicts the words up to five places around it, against five words
    // drawn from the unigram distribution to the power 0.75; frequent words are subsampled; the rate falls linearly.
    private static float[] Learn(int[][] sentences, int[] counts, IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var n = counts.Length;
        var total = (double)counts.Sum(c => (long)c);
        var keep = counts.Select(c => (float)Math.Min(1, (Math.Sqrt(c / total / Subsample) + 1) * Subsample / (c / total))).ToArray();
        var table = new int[Math.Max(1_000_000, n * 100)];
        var norm = counts.Sum(c => Math.Pow(c, 0.75));
        double cumulative = 0;
        for (int i = 0, j = 0; i < n; i++)
        {
            cumulative += Math.Pow(counts[i], 0.75) / norm;
            for (; j < table.Length && (double)j / table.Length < cumulative; j++)
            {
                table[j] = i;
            }

            if (i == n - 1)
            {
                Array.Fill(table, i, j, table.Length - j);
            }
        }

        var random = new Random(Seed);
        var input = new float[n * Dimensions];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)((random.NextDouble() - 0.5) / Dimensions);
        }

        var output = new float[n * Dimensions];
        var perEpoch = sentences.Sum(s => (long)s.Length);
        // Each epoch, the documents are shared out between two learners, each with its own copy of the vectors and its
        // own seed, and the copies are averaged (parameter averaging): as fast as two threads, and the same vectors from
        // run to run, which two threads updating one copy at once would not give.
        var steps = (double)Epochs * perEpoch / Parts;
        long trained = 0, reported = 0;
        var every = Math.Max(1, Epochs * perEpoch / 100);
        var gate = new Lock();
        void Advance(long words)
        {
            // Both learners advance; reports go out one at a time and never backwards.
            var now = Interlocked.Add(ref trained, words);
            if (progress is not null && now / every != (now - words) / every)
            {
                lock (gate)
                {
                    if (now > reported)
                    {
                        reported = now;
                        progress.Report((now, Epochs * perEpoch));
                    }
                }
            }
        }

        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var copies = Enumerable.Range(0, Parts).Select(_ => ((float[])input.Clone(), (float[])output.Clone())).ToArray();
            var start = (double)epoch / Epochs;
            Parallel.For(0, Parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
                LearnPart(sentences.Where((_, k) => k % Parts == part).ToArray(), copies[part].Item1, copies[part].Item2, keep, table,
                    new Random(Seed + 1 + (epoch * Parts) + part), start, steps, Advance, cancellationToken));
            for (var i = 0; i < input.Length; i++)
            {
                float a = 0, b = 0;
                foreach (var (x, y) in copies)
                {
                    a += x[i];
                    b += y[i];
                }

                input[i] = a / Parts;
                output[i] = b / Parts;
            }
        }

        progress?.Report((trained, trained));

        for (var i = 0; i < n; i++)
        {
            Normalize(input.AsSpan(i * Dimensions, Dimensions));
        }

        return input;
    }

    // One learner's share of the documents for one epoch; its learning rate falls linearly from where the epoch starts
    // (start, a share of all training) over its own steps.
    private static void LearnPart(int[][] sentences, float[] input, float[] output, float[] keep, int[] table, Random random, double start, double steps, Action<long> advance, CancellationToken cancellationToken)
    {
        var grad = new float[Dimensions];
        long done = 0;
        foreach (var words in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rate = LearningRate * (float)Math.Max(1e-4, 1 - start - (done / steps));
            done += words.Length;
            advance(words.Length);
            var sentence = words.Where(w => random.NextDouble() < keep[w]).ToArray();
            for (var pos = 0; pos < sentence.Length; pos++)
            {
                var reach = random.Next(1, Window + 1);
                for (var other = Math.Max(0, pos - reach); other <= Math.Min(sentence.Length - 1, pos + reach); other++)
                {
                    if (other == pos)
                    {
                        continue;
                    }

                    var context = input.AsSpan(sentence[other] * Dimensions, Dimensions);
                    Array.Clear(grad);
                    for (var k = 0; k <= Negatives; k++)
                    {
                        var target = k == 0 ? sentence[pos] : table[random.Next(table.Length)];
                        if (k > 0 && target == sentence[pos])
                        {
                            continue;
                        }

                        var predicted = output.AsSpan(target * Dimensions, Dimensions);
                        var g = ((k == 0 ? 1 : 0) - Sigmoid(Dot(context, predicted))) * rate;
                        Axpy(g, predicted, grad);
                        Axpy(g, context, predicted);
                    }

                    Axpy(1, grad, context);
                }
            }
        }
    }

    /// <summary>Writes the vectors to <paramref name="path"/> whole or not at all (a temporary file, then a rename).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(Dimensions);
            writer.Write(_words.Count);
            foreach (var (word, i) in _words.OrderBy(w => w.Value))
            {
                writer.Write(word);
                writer.Write(_idf[i]);
                foreach (var x in _vectors.AsSpan(i * Dimensions, Dimensions))
                {
                    writer.Write(x);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads vectors written by <see cref="Save"/>; <see cref="Empty"/> when the file is missing or of another format.</summary>
    public static WordVectors Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Dimensions)
        {
            return Empty;
        }

        var n = reader.ReadInt32();
        var words = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var idf = new float[n];
        var vectors = new float[n * Dimensions];
        for (var i = 0; i < n; i++)
        {
            words[reader.ReadString()] = i;
            idf[i] = reader.ReadSingle();
            for (var d = 0; d < Dimensions; d++)
            {
                vectors[(i * Dimensions) + d] = reader.ReadSingle();
            }
        }

        return new WordVectors(words, vectors, idf);
    }

    private static void Normalize(Span<float> x)
    {
        var length = MathF.Sqrt(Dot(x, x));
        if (length > 0)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] /= length;
            }
        }
    }

    private static float Sigmoid(float x) => x > 6 ? 1 : x < -6 ? 0 : 1 / (1 + MathF.Exp(-x));

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var k = 0; k < va.Length && k < vb.Length; k++)
        {
            sum += va[k] * vb[k];
        }

        var s = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    // y += alpha x
    private static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        var a = new Vector<float>(alpha);
        for (var k = 0; k < vx.Length && k < vy.Length; k++)
        {
            vy[k] += a * vx[k];
        }

        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
