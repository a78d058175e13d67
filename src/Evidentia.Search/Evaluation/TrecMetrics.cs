using System.Globalization;

namespace Evidentia.Search.Evaluation;

/// <summary>
/// Scores a TREC run against TREC qrels the way <c>../shared/tools/trec_metrics.py</c> does: nDCG@10 with
/// graded (exponential) gains, Recall@10, Recall@100 and MRR@10, where relevant means grade ≥ the minimum;
/// averaged over the queries that have at least one relevant document; a query missing from the run scores 0.
/// Pooled judgments leave most retrieved documents unjudged, and an unjudged document counts as not relevant,
/// so two more figures say how much a run is scored on holes: Judged@10, the share of the first ten results
/// that carry a judgment of any grade, and nDCG'@10, nDCG@10 of the condensed list (the run with its unjudged
/// documents removed; Sakai, "Alternatives to Bpref", SIGIR 2007), meaningful only where the qrels also judge
/// documents not relevant.
/// </summary>
public static class TrecMetrics
{
    /// <summary>The figures and the number of queries they average over.</summary>
    public sealed record Scores(int Queries, double Ndcg10, double Recall10, double Recall100, double Mrr10, double Judged10, double CondensedNdcg10);

    /// <param name="qrels">Query id → document id → grade.</param>
    /// <param name="run">Query id → document ids, best first (each at most once).</param>
    public static Scores Score(IReadOnlyDictionary<string, Dictionary<string, int>> qrels, IReadOnlyDictionary<string, IReadOnlyList<string>> run, int minRelevant)
    {
        double ndcg = 0, r10 = 0, r100 = 0, mrr = 0, judged10 = 0, condensed = 0;
        var n = 0;
        foreach (var (qid, judged) in qrels)
        {
            var relevant = judged.Where(j => j.Value >= minRelevant).ToDictionary(j => j.Key, j => j.Value);
            if (relevant.Count == 0)
            {
                continue;
            }

            n++;
            var docs = run.GetValueOrDefault(qid) ?? [];
            ndcg += Ndcg10(relevant, docs);
            condensed += Ndcg10(relevant, docs.Where(judged.ContainsKey));
            judged10 += docs.Take(10).Count(judged.ContainsKey) / 10.0;
            r10 += (double)docs.Take(10).Count(relevant.ContainsKey) / relevant.Count;
            r100 += (double)docs.Take(100).Count(relevant.ContainsKey) / relevant.Count;
            var first = docs.Take(10).Select((d, i) => (d, i)).FirstOrDefault(x => relevant.ContainsKey(x.d));
            mrr += first.d is null ? 0 : 1.0 / (first.i + 1);
        }

        return n == 0 ? new Scores(0, 0, 0, 0, 0, 0, 0) : new Scores(n, ndcg / n, r10 / n, r100 / n, mrr / n, judged10 / n, condensed / n);
    }

    /// <summary>nDCG@10 of each query that has at least one relevant document (a query missing from the run scores 0).</summary>
    public static Dictionary<string, double> Ndcg10ByQuery(IReadOnlyDictionary<string, Dictionary<string, int>> qrels, IReadOnlyDictionary<string, IReadOnlyList<string>> run, int minRelevant) =>
        qrels.Select(q => (q.Key, Relevant: q.Value.Where(j => j.Value >= minRelevant).ToDictionary(j => j.Key, j => j.Value)))
            .Where(q => q.Relevant.Count > 0)
            .ToDictionary(q => q.Key, q => Ndcg10(q.Relevant, run.GetValueOrDefault(q.Key) ?? []), StringComparer.Ordinal);

    // Graded (exponential) gains, log2 discount, against the ideal ordering of the relevant documents.
    private static double Ndcg10(Dictionary<string, int> relevant, IEnumerable<string> ranked)
    {
        var idcg = relevant.Values.OrderByDescending(g => g).Take(10).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        return idcg <= 0 ? 0 : ranked.Take(10).Select((d, i) => relevant.TryGetValue(d, out var grade) ? (Math.Pow(2, grade) - 1) / Math.Log2(i + 2) : 0).Sum() / idcg;
    }

    /// <summary>One line of a TREC run: <c>qid Q0 docid rank score tag</c> (rank from 1).</summary>
    public static string RunLine(string qid, string docId, int rank, double score, string tag) =>
        string.Create(CultureInfo.InvariantCulture, $"{qid} Q0 {docId} {rank} {score:F4} {tag}");

    /// <summary>Reads TREC qrels (<c>qid 0 docid grade</c>).</summary>
    public static Dictionary<string, Dictionary<string, int>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var p = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (p.Length >= 4)
            {
                if (!qrels.TryGetValue(p[0], out var judged))
                {
                    qrels[p[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                judged[p[2]] = int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return qrels;
    }
}
