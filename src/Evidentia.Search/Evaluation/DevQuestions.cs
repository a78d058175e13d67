using System.Text.Json;

namespace Evidentia.Search.Evaluation;

/// <summary>
/// The questions of the dev benchmarks in <c>../shared/data</c>, in a fixed order: LiveQA-Med's NIST
/// paraphrases, MEDIQA 2019's questions, BioASQ's (the first <c>bioAsqLimit</c>), then NGC's clinician questions. The benchmarks, the
/// quote check and the golden answers all ask them; the answer and retrieval benchmarks read the judgments
/// beside them from the same files.
/// </summary>
public static class DevQuestions
{
    /// <summary>One dev question: its set ("liveqa", "mediqa", "bioasq", "ngc"), its id in that set, and its text.</summary>
    public sealed record Question(string Set, string Id, string Text);

    /// <summary>The dev questions with text: LiveQA-Med, MEDIQA, at most <paramref name="bioAsqLimit"/> of BioASQ, then NGC.</summary>
    public static IEnumerable<Question> Read(string dataDir, int bioAsqLimit = int.MaxValue) =>
        Lines(Path.Combine(dataDir, "liveqa_med")).Select(q => new Question("liveqa", q.GetProperty("qid").GetString()!, q.GetProperty("nist_paraphrase").GetString() ?? ""))
            .Concat(Lines(Path.Combine(dataDir, "mediqa2019_qa")).Select(q => new Question("mediqa", q.GetProperty("qid").GetString()!, q.GetProperty("question").GetString() ?? "")))
            .Concat(Lines(Path.Combine(dataDir, "bioasq")).Take(bioAsqLimit).Select(q => new Question("bioasq", q.GetProperty("id").GetString()!, q.GetProperty("question").GetString() ?? "")))
            .Concat(Lines(Path.Combine(dataDir, "ngc"), "questions.dev.jsonl").Select(q => new Question("ngc", q.GetProperty("id").GetString()!, q.GetProperty("text").GetString() ?? "")))
            .Where(q => !string.IsNullOrWhiteSpace(q.Text));

    private static IEnumerable<JsonElement> Lines(string folder, string file = "dev.jsonl") =>
        File.ReadLines(Path.Combine(folder, file)).Select(l => JsonDocument.Parse(l).RootElement.Clone());
}
