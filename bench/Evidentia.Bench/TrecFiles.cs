using System.Globalization;
using System.Text.Json;

namespace Evidentia.Bench;

/// <summary>
/// Writes the dev queries and qrels of the retrieval benchmarks in the forms standard IR tools take:
/// queries as JSON Lines <c>{"id", "text"}</c> (the input of <c>evidentia search --queries</c>) and
/// TREC qrels <c>qid 0 docid grade</c>.
/// </summary>
public static class TrecFiles
{
    /// <summary>One benchmark: its queries file, qrels file, the collection it searches and the grade that counts as relevant.</summary>
    public sealed record Benchmark(string Name, string Queries, string Qrels, string Collection, int MinRelevant);

    public static IReadOnlyList<Benchmark> Write(string dataDir, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var benchmarks = new List<Benchmark>();

        // LiveQA-Med over MedQuAD: only judgments whose answer text is in the corpus; relevant = grade >= 3.
        var liveqa = ReadJsonLines(Path.Combine(dataDir, "liveqa_med", "dev.jsonl"));
        var liveQrels = liveqa.SelectMany(q => q.GetProperty("medquad_judgments").EnumerateArray()
            .Where(j => j.GetProperty("answer_text_in_corpus").GetBoolean())
            .Select(j => (Qid: q.GetProperty("qid").GetString()!, Doc: j.GetProperty("medquad_id").GetString()!, Grade: j.GetProperty("grade").GetInt32())));
        var liveQrelsPath = WriteQrels(outDir, "liveqa", liveQrels);
        benchmarks.Add(new Benchmark("LiveQA-Med (paraphrase)", WriteQueries(outDir, "liveqa-paraphrase",
            liveqa.Select(q => (q.GetProperty("qid").GetString()!, q.GetProperty("nist_paraphrase").GetString()!))), liveQrelsPath, "medquad", 3));
        benchmarks.Add(new Benchmark("LiveQA-Med (consumer message)", WriteQueries(outDir, "liveqa-consumer",
            liveqa.Select(q => (q.GetProperty("qid").GetString()!, $"{q.GetProperty("subject").GetString()} {q.GetProperty("message").GetString()}".Trim()))), liveQrelsPath, "medquad", 3));

        // MEDIQA 2019 over its answers: answers with text only; relevant = reference score >= 3.
        var mediqa = ReadJsonLines(Path.Combine(dataDir, "mediqa2019_qa", "dev.jsonl"));
        benchmarks.Add(new Benchmark("MEDIQA 2019", WriteQueries(outDir, "mediqa",
            mediqa.Select(q => (q.GetProperty("qid").GetString()!, q.GetProperty("question").GetString()!))),
            WriteQrels(outDir, "mediqa", mediqa.SelectMany(q => q.GetProperty("answers").EnumerateArray()
                .Where(a => a.GetProperty("text_in_corpus").GetBoolean())
                .Select(a => (q.GetProperty("qid").GetString()!, a.GetProperty("answer_id").GetString()!, a.GetProperty("reference_score").GetInt32())))),
            "mediqa", 3));

        // BioASQ over its snippet documents: relevant PMIDs that are in the corpus.
        var corpus = new HashSet<string>(StringComparer.Ordinal);
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(dataDir, "bioasq", "snippets_corpus.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                corpus.Add(doc.RootElement.GetProperty("pmid").GetString()!);
            }
        }

        var bioasq = ReadJsonLines(Path.Combine(dataDir, "bioasq", "dev.jsonl"));
        benchmarks.Add(new Benchmark("BioASQ", WriteQueries(outDir, "bioasq",
            bioasq.Select(q => (q.GetProperty("id").GetString()!, q.GetProperty("question").GetString()!))),
            WriteQrels(outDir, "bioasq", bioasq.SelectMany(q => q.GetProperty("relevant_pmids").EnumerateArray()
                .Select(p => p.GetString()!).Where(corpus.Contains).Distinct()
                .Select(p => (q.GetProperty("id").GetString()!, p, 1)))),
            "bioasq", 1));

        // NGC guidelines: each clinician question's guideline is relevant (2), and so is any other that answers it (1).
        var ngc = ReadJsonLines(Path.Combine(dataDir, "ngc", "questions.dev.jsonl"));
        benchmarks.Add(new Benchmark("NGC guidelines", WriteQueries(outDir, "ngc",
            ngc.Select(q => (q.GetProperty("id").GetString()!, q.GetProperty("text").GetString()!))),
            WriteQrels(outDir, "ngc", ngc.SelectMany(q => q.GetProperty("also_relevant").EnumerateArray()
                .Select(a => (q.GetProperty("id").GetString()!, a.GetString()!, 1))
                .Prepend((q.GetProperty("id").GetString()!, q.GetProperty("gold").GetString()!, 2)))),
            "ngc", 1));
        return benchmarks;
    }

    private static List<JsonElement> ReadJsonLines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string WriteQueries(string outDir, string name, IEnumerable<(string Id, string Text)> queries)
    {
        var path = Path.Combine(outDir, name + ".queries.jsonl");
        // A question without text (one LiveQA paraphrase is empty) cannot be searched; it scores 0 as a missing query.
        File.WriteAllLines(path, queries.Where(q => !string.IsNullOrWhiteSpace(q.Text)).Select(q => JsonSerializer.Serialize(new { id = q.Id, text = q.Text })));
        return path;
    }

    private static string WriteQrels(string outDir, string name, IEnumerable<(string Qid, string Doc, int Grade)> qrels)
    {
        var path = Path.Combine(outDir, name + ".qrels");
        File.WriteAllLines(path, qrels.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Qid} 0 {q.Doc} {q.Grade}")));
        return path;
    }
}
