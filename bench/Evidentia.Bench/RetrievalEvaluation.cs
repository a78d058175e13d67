using System.Globalization;
using System.Text;
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
    /// <summary>How many times the 5-fold cross-validation is repeated, each with another split into folds.</summary>
    public const int Repetitions = 5;

    /// <param name="hybrid">Rerank the hybrid candidates (the first stage's and the documents nearest in meaning) with the sentence-vector features.</param>
    public static async Task<int> RunAsync(string outDir, string? modelPath, bool hybrid)
    {
        var data = BenchData.SharedData;
        await using var workspace = await BenchData.OpenCorpusAsync(vectors: hybrid);
        var documents = await BenchData.CitableDocumentsAsync(workspace);

        var benchmarks = TrecFiles.Write(data, outDir);
        var anchors = new Dictionary<string, (AnchorIndex Plain, AnchorIndex Multi)>();
        foreach (var collection in benchmarks.Select(b => b.Collection).Distinct().Append("*"))
        {
            var docs = collection == "*" ? documents : documents.Where(d => d.Collection == collection).ToList();
            anchors[collection] = (AnchorIndex.Plain(docs), collection is "medquad" or "*" ? AnchorIndex.MultiField(docs) : AnchorIndex.Plain(docs));
        }

        // The first stage's top 100 with reranking features, per collection and with every collection in one index.
        var training = new RerankerTraining(RerankerTraining.FoldKeys(data), hybrid);
        var rows = RerankerTraining.Collect(workspace.Searcher, benchmarks, documents, hybrid);
        // Repeated cross-validation: LiveQA-Med's 18 queries move by a few hundredths with the split alone.
        var all = rows.SelectMany(r => r.Candidates).ToList();
        var reranked = Enumerable.Range(0, Repetitions).Select(r => training.CrossValidate(all, r)).ToList();

        var report = new StringBuilder();
        report.AppendLine(hybrid ? "Hybrid: the first stage's top 100 and the 30 documents nearest in meaning, reranked with the sentence-vector features." : "Lexical: the first stage's top 100, reranked.").AppendLine();
        report.AppendLine($"| Benchmark | Index | Queries | Plain BM25 | Multi-field BM25 | First stage | Evidentia (5-fold CV, mean of {Repetitions}) | Range of the {Repetitions} | vs multi-field | 95% interval | vs plain | 95% interval | R@10 | R@100 | MRR@10 |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // The same runs on the holes of pooled judgments: how much of each top 10 is judged at all, and nDCG@10 of
        // the condensed lists (unjudged documents left out), where the qrels judge documents not relevant too.
        var holes = new StringBuilder();
        holes.AppendLine("| Benchmark | Index | Judged@10: plain | multi-field | Evidentia | nDCG'@10: plain | multi-field | first stage | Evidentia | vs multi-field | vs plain |");
        holes.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        void Row(string name, string scope, Dictionary<string, Dictionary<string, int>> qrels, List<(string Id, string Text)> queries, List<RerankerTraining.Query> candidates, int minRelevant)
        {
            var (plain, multi) = anchors[scope];
            var plainRun = queries.ToDictionary(q => q.Id, q => plain.Search(q.Text, 100));
            var multiRun = queries.ToDictionary(q => q.Id, q => multi.Search(q.Text, 100));
            var p = TrecMetrics.Score(qrels, plainRun, minRelevant);
            var m = TrecMetrics.Score(qrels, multiRun, minRelevant);
            var f = TrecMetrics.Score(qrels, candidates.ToDictionary(c => c.Qid, c => (IReadOnlyList<string>)c.Candidates.Select(x => x.Id).ToList()), minRelevant);
            var evidentiaRuns = reranked.Select(run => candidates.ToDictionary(c => c.Qid, c => run[c])).ToList();
            var runs = evidentiaRuns.Select(run => TrecMetrics.Score(qrels, run, minRelevant)).ToList();
            // How sure each change over an anchor is, from this many queries: a paired bootstrap over queries, Evidentia's
            // score of a query being its mean over the splits.
            var byQuery = evidentiaRuns.Select(run => TrecMetrics.Ndcg10ByQuery(qrels, run, minRelevant)).ToList();
            var evidentia = byQuery[0].Keys.ToDictionary(q => q, q => byQuery.Average(b => b[q]));
            string Interval(Dictionary<string, IReadOnlyList<string>> anchorRun) =>
                PairedBootstrap.ChangeInterval(evidentia, TrecMetrics.Ndcg10ByQuery(qrels, anchorRun, minRelevant)) is var (low, high) && !double.IsNaN(low)
                    ? $"{Change(1 + low, 1)} to {Change(1 + high, 1)}" : "–";
            var e = new TrecMetrics.Scores(runs[0].Queries, runs.Average(r => r.Ndcg10), runs.Average(r => r.Recall10), runs.Average(r => r.Recall100), runs.Average(r => r.Mrr10),
                runs.Average(r => r.Judged10), runs.Average(r => r.CondensedNdcg10));
            var index = scope == "*" ? "all collections" : scope;
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {index} | {e.Queries} | {p.Ndcg10:F4} | {m.Ndcg10:F4} | {f.Ndcg10:F4} | **{e.Ndcg10:F4}** | {runs.Min(r => r.Ndcg10):F4}–{runs.Max(r => r.Ndcg10):F4} | {Change(e.Ndcg10, m.Ndcg10)} | {Interval(multiRun)} | {Change(e.Ndcg10, p.Ndcg10)} | {Interval(plainRun)} | {e.Recall10:F4} | {e.Recall100:F4} | {e.Mrr10:F4} |"));
            var condensed = qrels.Values.Any(j => j.Values.Any(g => g < minRelevant))
                ? string.Create(CultureInfo.InvariantCulture, $"{p.CondensedNdcg10:F4} | {m.CondensedNdcg10:F4} | {f.CondensedNdcg10:F4} | **{e.CondensedNdcg10:F4}** | {Change(e.CondensedNdcg10, m.CondensedNdcg10)} | {Change(e.CondensedNdcg10, p.CondensedNdcg10)}")
                : "– | – | – | – | – | –";
            holes.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {index} | {p.Judged10:F3} | {m.Judged10:F3} | {e.Judged10:F3} | {condensed} |"));
        }

        // TREC runs of the first stage and of the first split's cross-validated reranking, for per-query analysis.
        var runDir = Directory.CreateDirectory(Path.Combine(outDir, "runs")).FullName;
        foreach (var (b, scope, qrels, queries, candidates) in rows.Where(r => r.Reported))
        {
            Row(b.Name, scope, qrels, queries, candidates, b.MinRelevant);
            var name = $"{Path.GetFileName(b.Queries).Replace(".queries.jsonl", "")}.{(scope == "*" ? "all" : scope)}{(hybrid ? ".hybrid" : "")}";
            WriteRun(Path.Combine(runDir, name + ".first.trec"), candidates.ToDictionary(c => c.Qid, c => (IReadOnlyList<string>)c.Candidates.Select(x => x.Id).ToList()), "first-stage");
            WriteRun(Path.Combine(runDir, name + ".cv.trec"), candidates.ToDictionary(c => c.Qid, c => reranked[0][c]), "reranked-cv");
        }

        // Over all collections LiveQA-Med's questions also find the pages MEDIQA's judges graded for the same
        // questions (MEDIQA's dev questions carry their LiveQA-Med id), which LiveQA-Med's judgments, on MedQuAD
        // only, count as misses: the same rows scored with both sets of judgments.
        var mediqaQrels = rows.First(r => r.Benchmark.Collection == "mediqa" && r.Reported).Qrels;
        var liveqaIds = RerankerTraining.FoldKeys(data);
        foreach (var (b, scope, qrels, queries, candidates) in rows.Where(r => r.Reported && r.Scope == "*" && r.Benchmark.Collection == "medquad"))
        {
            var both = qrels.ToDictionary(q => q.Key, q => new Dictionary<string, int>(q.Value));
            foreach (var (mediqaQid, liveqaQid) in liveqaIds)
            {
                // The same questions as the row above: those with a relevant MedQuAD page.
                if (both.TryGetValue(liveqaQid, out var judged) && judged.Values.Any(g => g >= b.MinRelevant) && mediqaQrels.TryGetValue(mediqaQid, out var graded))
                {
                    foreach (var (doc, grade) in graded)
                    {
                        judged[doc] = grade;
                    }
                }
            }

            Row($"{b.Name}, with MEDIQA's judgments of the same questions", scope, both, queries, candidates, b.MinRelevant);
        }

        foreach (var (plain, multi) in anchors.Values)
        {
            plain.Dispose();
            multi.Dispose();
        }

        var extra = rows.Where(r => !r.Reported).SelectMany(r => r.Candidates).Count(q => q.Trainable);
        report.AppendLine().AppendLine($"Training lists: {all.Count(q => q.Trainable)} queries with a labelled candidate, {extra} of them MEDIQA's questions over MedQuAD (training only).");
        report.AppendLine().AppendLine($"nDCG@10 unless named; relevant = grade ≥ 3 for LiveQA-Med and MEDIQA, ≥ 1 for BioASQ; anchors index the same citable documents; Evidentia's figures, R@10, R@100 and MRR@10 included, are means over {Repetitions} splits into 5 folds; 95% interval: of the change over the anchor, by a paired bootstrap over the queries (10,000 samples; PairedBootstrap).");
        report.AppendLine().AppendLine("Unjudged documents (the same runs):").AppendLine().Append(holes);
        report.AppendLine().AppendLine("Judged@10: the share of the first ten results judged at all (any grade); nDCG'@10: nDCG@10 of the condensed lists, the unjudged documents left out (Sakai 2007); none for BioASQ, whose qrels hold relevant documents only.");
        Console.WriteLine(report);

        if (modelPath is not null)
        {
            var json = training.TrainFinal(rows.SelectMany(r => r.Candidates).ToList());
            File.WriteAllText(modelPath, json + "\n");
            Console.WriteLine($"Wrote the reranker trained on every fold to {modelPath}.");
        }

        return 0;
    }

    // Ranks only (the reranked lists keep no scores): score = 1 / rank, so TREC tools sort them as listed.
    private static void WriteRun(string path, Dictionary<string, IReadOnlyList<string>> run, string tag) =>
        File.WriteAllLines(path, run.SelectMany(q => q.Value.Select((doc, i) => TrecMetrics.RunLine(q.Key, doc, i + 1, 1.0 / (i + 1), tag))));

    // Rounded before formatting, so a change under 0.05% reads "0.0%" (not "-+0.0%").
    private static string Change(double value, double anchor) =>
        anchor == 0 ? "–" : Math.Round((value / anchor - 1) * 100, 1) is var percent && percent == 0 ? "0.0%" : string.Create(CultureInfo.InvariantCulture, $"{percent:+0.0;-0.0}%");
}
