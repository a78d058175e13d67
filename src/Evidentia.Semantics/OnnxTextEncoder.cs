using System.Numerics.Tensors;
using Evidentia.Core.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Evidentia.Semantics;

/// <summary>
/// A bundled BERT-style encoder run with ONNX Runtime: WordPiece ids, texts sorted by length into batches padded only
/// to their longest member, pooled and L2-normalised. Padding is masked, so a text's vector does not depend on its batch.
/// Thread-safe; one instance per process is enough.
/// </summary>
public sealed class OnnxTextEncoder : ITextEncoder, IDisposable
{
    private const int ClsId = 101;
    private const int SepId = 102;

    private readonly EncoderModel _model;
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly int _batchSize;

    // The last questions encoded one at a time: a question is read by the emergency classifier and by search by meaning.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, bool AsQuery), float[]> _recent = new();
    private const int RecentCapacity = 256;

    /// <param name="maxTokens">Wordpieces kept per text, [CLS] and [SEP] included (the models were trained with 512).</param>
    /// <param name="batchSize">Texts per run of the model: one by default, the fastest for arctic-embed-xs on 2 cores (docs/PERFORMANCE.md).</param>
    /// <param name="threads">Threads per run; all cores by default.</param>
    public OnnxTextEncoder(EncoderModel? model = null, int maxTokens = 256, int batchSize = 1, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxTokens, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _model = model ?? EncoderModel.ArcticXs;
        _maxTokens = maxTokens;
        _batchSize = batchSize;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        using (var graph = new MemoryStream())
        {
            using (var stream = _model.Open("model.onnx"))
            {
                stream.CopyTo(graph);
            }

            _session = new InferenceSession(graph.ToArray(), options);
        }

        using var vocabulary = _model.Open("vocab.txt");
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        Dimensions = _session.OutputMetadata.Values.First().Dimensions[^1];
    }

    public int Dimensions { get; }

    public string Model => _model.Name;

    public float[][] Encode(IReadOnlyList<string> texts, bool asQuery = false)
    {
        if (texts.Count == 1)
        {
            if (_recent.TryGetValue((texts[0], asQuery), out var known))
            {
                return [known];
            }

            var vector = EncodeAll(texts, asQuery)[0];
            if (_recent.Count >= RecentCapacity)
            {
                _recent.Clear();
            }

            _recent[(texts[0], asQuery)] = vector;
            return [vector];
        }

        return EncodeAll(texts, asQuery);
    }

    private float[][] EncodeAll(IReadOnlyList<string> texts, bool asQuery)
    {
        var ids = texts.Select(t => Tokens(asQuery ? _model.QueryPrefix + t : t)).ToArray();
        var vectors = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            var batch = order.AsSpan(start, Math.Min(_batchSize, order.Length - start)).ToArray();
            Run(batch.Select(i => ids[i]).ToArray()).CopyTo(vectors, batch);
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();

    private long[] Tokens(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        var length = Math.Min(ids.Count, _maxTokens - 2);
        var tokens = new long[length + 2];
        tokens[0] = ClsId;
        for (var i = 0; i < length; i++)
        {
            tokens[i + 1] = ids[i];
        }

        tokens[^1] = SepId;
        return tokens;
    }

    private Batch Run(long[][] texts)
    {
        var width = texts.Max(t => t.Length);
        var inputIds = new long[texts.Length * width];
        var mask = new long[texts.Length * width];
        for (var row = 0; row < texts.Length; row++)
        {
            texts[row].CopyTo(inputIds, row * width);
            mask.AsSpan(row * width, texts[row].Length).Fill(1);
        }

        long[] shape = [texts.Length, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(
            runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue, ["token_type_ids"] = typesValue },
            [_session.OutputNames[0]]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[texts.Length][];
        for (var row = 0; row < texts.Length; row++)
        {
            var vector = new float[Dimensions];
            var tokens = _model.PoolFirstToken ? 1 : texts[row].Length;
            for (var token = 0; token < tokens; token++)
            {
                TensorPrimitives.Add(vector, hidden.Slice(((row * width) + token) * Dimensions, Dimensions), vector);
            }

            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            vectors[row] = vector;
        }

        return new Batch(vectors);
    }

    private readonly record struct Batch(float[][] Vectors)
    {
        public void CopyTo(float[][] destination, int[] positions)
        {
            for (var i = 0; i < positions.Length; i++)
            {
                destination[positions[i]] = Vectors[i];
            }
        }
    }
}
