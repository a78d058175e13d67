using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidentia.Search.Evaluation;
using Evidentia.Search.Retrieval;

namespace Evidentia.Bench;

/// <summary>
/// The retrieval table of docs/EVALUATION.md: per dev benchmark, plain BM25 and multi-field BM25 anchors
/// and Evidentia's retrieval, measured in the same run, per collection and with every collection in one index.
/// <c>dotnet run -c Release --project bench/Evidentia.Bench -- retrieval</c>.
/// </summary>
public static class RetrievalEvaluation
{
    public static async Task<int> RunAsync(string outDir)
    {
        var data = BenchData.SharedData;
        await using var workspace = await BenchData.OpenCorpusAsync();
        var documents = new List<Core.Documents.Document>();
        for (long after = 0; ;)
        {
            var page = await workspace.Store.GetChangesAsync(after, 5000, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            documents.AddRange(page.Select(c => c.Document).Where(d => d.Citable));
            after = page[^1].Sequence;
        }

        var benchmarks = TrecFiles.Write(data, outDir);
        var anchors = new Dictionary<string, (AnchorIndex Plain, AnchorIndex Multi)>();
        foreach (var collection in benchmarks.Select(b => b.Collection).Distinct().Append("*"))
        {
            var docs = collection == "*" ? documents : documents.Where(d => d.Collection == collection).ToList();
            anchors[collection] = (AnchorIndex.Plain(docs), collection is "medquad" or "*" ? AnchorIndex.MultiField(docs) : AnchorIndex.Plain(docs));
        }

        var report = new StringBuilder();
        report.AppendLine("| Benchmark | Index | Queries | Plain BM25 | Multi-field BM25 | Evidentia | vs multi-field | vs plain | Evidentia R@10 | R@100 | MRR@10 |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var b in benchmarks)
        {
            var qrels = TrecMetrics.ReadQrels(b.Qrels);
            var queries = File.ReadLines(b.Queries).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!)).ToList();
            foreach (var scope in new[] { b.Collection, "*" })
            {
                var (plain, multi) = anchors[scope];
                var filter = scope == "*" ? null : scope;
                var p = TrecMetrics.Score(qrels, queries.ToDictionary(q => q.Id, q => plain.Search(q.Text, 100)), b.MinRelevant);
                var m = TrecMetrics.Score(qrels, queries.ToDictionary(q => q.Id, q => multi.Search(q.Text, 100)), b.MinRelevant);
                var e = TrecMetrics.Score(qrels, queries.ToDictionary(q => q.Id, q => Run(workspace.Searcher, q.Text, filter)), b.MinRelevant);
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {b.Name} | {(scope == "*" ? "all collections" : scope)} | {e.Queries} | {p.Ndcg10:F4} | {m.Ndcg10:F4} | **{e.Ndcg10:F4}** | {Change(e.Ndcg10, m.Ndcg10)} | {Change(e.Ndcg10, p.Ndcg10)} | {e.Recall10:F4} | {e.Recall100:F4} | {e.Mrr10:F4} |"));
            }
        }

        foreach (var (plain, multi) in anchors.Values)
        {
            plain.Dispose();
            multi.Dispose();
        }

        report.AppendLine().AppendLine("nDCG@10 unless named; relevant = grade ≥ 3 for LiveQA-Med and MEDIQA, ≥ 1 for BioASQ; anchors index the same citable documents.");
        Console.WriteLine(report);
        return 0;
    }

    // One document id at most once (a PMID can be in two collections).
    private static IReadOnlyList<string> Run(DocumentSearcher searcher, string text, string? collection) =>
        searcher.Search(text, 200, collection).Select(h => h.Key.Id).Distinct().Take(100).ToList();

    private static string Change(double value, double anchor) =>
        anchor == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{(value / anchor - 1) * 100:+0.0;-0.0}%");
}
