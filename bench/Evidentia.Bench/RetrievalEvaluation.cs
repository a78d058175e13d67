using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidentia.Core.Documents;
using Evidentia.Search.Evaluation;

namespace Evidentia.Bench;

/// <summary>
/// The retrieval table of docs/EVALUATION.md: per dev benchmark, plain BM25 and multi-field BM25 anchors,
/// Evidentia's first stage and Evidentia reranked (cross-validated, <see cref="RerankerTraining"/>), measured
/// in the same run, per collection and with every collection in one index.
/// <c>dotnet run -c Release --project bench/Evidentia.Bench -- retrieval [--write-model]</c>; with
/// <c>--write-model</c> it also trains the reranker on every fold and writes the model Evidentia ships.
/// </summary>
public static class RetrievalEvaluation
{
    public static async Task<int> RunAsync(string outDir, string? modelPath)
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

        var copies = new NearCopies(documents);
        // The first stage's top 100 with reranking features, per collection and with every collection in one index.
        var training = new RerankerTraining(RerankerTraining.FoldKeys(data));
        var rows = new List<(TrecFiles.Benchmark Benchmark, string Scope, Dictionary<string, Dictionary<string, int>> Qrels, List<(string Id, string Text)> Queries, List<RerankerTraining.Query> Candidates)>();
        foreach (var b in benchmarks)
        {
            var qrels = TrecMetrics.ReadQrels(b.Qrels);
            var queries = File.ReadLines(b.Queries).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!)).ToList();
            foreach (var scope in new[] { b.Collection, "*" })
            {
                var candidates = queries.Select(q =>
                {
                    var relevant = (qrels.GetValueOrDefault(q.Id) ?? []).Where(j => j.Value >= b.MinRelevant)
                        .Select(j => (Key: new DocumentKey(b.Collection, j.Key), Label: j.Value - b.MinRelevant + 1)).ToList();
                    var hits = workspace.Searcher.Candidates(q.Text, 200, scope == "*" ? null : scope).DistinctBy(c => c.Hit.Key.Id).Take(100).ToList();
                    // For training only: a candidate that is a copy of a judged-relevant text (another id for the
                    // same page, judged for another question or not at all) is taught as relevant as it.
                    var labels = relevant.ToDictionary(r => r.Key.Id, r => (float)r.Label);
                    foreach (var hit in hits.Where(h => !labels.ContainsKey(h.Hit.Key.Id)))
                    {
                        var copyOf = relevant.Where(r => copies.Same(hit.Hit.Key, r.Key)).Select(r => r.Label).DefaultIfEmpty(0).Max();
                        if (copyOf > 0)
                        {
                            labels[hit.Hit.Key.Id] = copyOf;
                        }
                    }

                    var found = hits.Select(c => (c.Hit.Key.Id, c.Features, c.Fingerprint)).ToList();
                    return new RerankerTraining.Query(b.Name, q.Id, Trainable: scope != "*" && relevant.Count > 0, labels, found);
                }).ToList();
                rows.Add((b, scope, qrels, queries, candidates));
            }
        }

        var reranked = training.CrossValidate(rows.SelectMany(r => r.Candidates).ToList());

        var report = new StringBuilder();
        report.AppendLine("| Benchmark | Index | Queries | Plain BM25 | Multi-field BM25 | First stage | Evidentia (5-fold CV) | vs multi-field | vs plain | R@10 | R@100 | MRR@10 |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (b, scope, qrels, queries, candidates) in rows)
        {
            var (plain, multi) = anchors[scope];
            var p = TrecMetrics.Score(qrels, queries.ToDictionary(q => q.Id, q => plain.Search(q.Text, 100)), b.MinRelevant);
            var m = TrecMetrics.Score(qrels, queries.ToDictionary(q => q.Id, q => multi.Search(q.Text, 100)), b.MinRelevant);
            var f = TrecMetrics.Score(qrels, candidates.ToDictionary(c => c.Qid, c => (IReadOnlyList<string>)c.Candidates.Select(x => x.Id).ToList()), b.MinRelevant);
            var e = TrecMetrics.Score(qrels, candidates.ToDictionary(c => c.Qid, c => reranked[c]), b.MinRelevant);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b.Name} | {(scope == "*" ? "all collections" : scope)} | {e.Queries} | {p.Ndcg10:F4} | {m.Ndcg10:F4} | {f.Ndcg10:F4} | **{e.Ndcg10:F4}** | {Change(e.Ndcg10, m.Ndcg10)} | {Change(e.Ndcg10, p.Ndcg10)} | {e.Recall10:F4} | {e.Recall100:F4} | {e.Mrr10:F4} |"));
        }

        foreach (var (plain, multi) in anchors.Values)
        {
            plain.Dispose();
            multi.Dispose();
        }

        report.AppendLine().AppendLine("nDCG@10 unless named; relevant = grade ≥ 3 for LiveQA-Med and MEDIQA, ≥ 1 for BioASQ; anchors index the same citable documents; R@10, R@100 and MRR@10 are Evidentia's.");
        Console.WriteLine(report);

        if (modelPath is not null)
        {
            var json = training.TrainFinal(rows.SelectMany(r => r.Candidates).ToList());
            File.WriteAllText(modelPath, json + "\n");
            Console.WriteLine($"Wrote the reranker trained on every fold to {modelPath}.");
        }

        return 0;
    }

    private static string Change(double value, double anchor) =>
        anchor == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{(value / anchor - 1) * 100:+0.0;-0.0}%");
}
