using System.Text.Json;

namespace Evidentia.Search.Evaluation;

/// <summary>
/// The questions of the dev benchmarks in <c>../shared/data</c>, in a fixed order: LiveQA-Med's NIST
/// paraphrases, MEDIQA 2019's questions, then BioASQ's (the first <c>bioAsqLimit</c>). The benchmarks, the
/// quote check and the golden answers all ask them; the answer and retrieval benchmarks read the judgments
/// beside them from the same files.
/// </summary>
public static class DevQuestions
{
    /// <summary>One dev question: its set ("liveqa", "mediqa", "bioasq"), its id in that set, and its text.</summary>
    public sealed record Question(string Set, string Id, string Text);

    /// <summary>The dev questions with text, LiveQA-Med, MEDIQA, then at most <paramref name="bioAsqLimit"/> of BioASQ.</summary>
    public static IEnumerable<Question> Read(string dataDir, int bioAsqLimit = int.MaxValue) =>
        Lines(dataDir, "liveqa_med").Select(q => new Question("liveqa", q.GetProperty("qid").GetString()!, q.GetProperty("nist_paraphrase").GetString() ?? ""))
            .Concat(Lines(dataDir, "mediqa2019_qa").Select(q => new Question("mediqa", q.GetProperty("qid").GetString()!, q.GetProperty("question").GetString() ?? "")))
            .Concat(Lines(dataDir, "bioasq").Take(bioAsqLimit).Select(q => new Question("bioasq", q.GetProperty("id").GetString()!, q.GetProperty("question").GetString() ?? "")))
            .Where(q => !string.IsNullOrWhiteSpace(q.Text));

    private static IEnumerable<JsonElement> Lines(string dataDir, string set) =>
        File.ReadLines(Path.Combine(dataDir, set, "dev.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone());
}
