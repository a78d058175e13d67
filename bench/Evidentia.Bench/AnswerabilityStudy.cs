using System.Globalization;
using System.Text;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Evidentia.Semantics;

namespace Evidentia.Bench;

/// <summary>
/// Whether a question's evidence answers it (issue 23, item 5): signals of the answer composed with no relevance
/// threshold, against whether the question has a relevant document (LiveQA-Med and MEDIQA dev, own collections),
/// each signal's ROC AUC and a logistic regression over them cross-validated in 5 folds.
/// <c>answers --answerability</c>.
/// </summary>
internal static class AnswerabilityStudy
{
    /// <summary>
    /// One question's signals. <paramref name="Kind"/>: the kind of its best document, whose model it trains
    /// (<see cref="AnswerabilityModels.KindOf"/>; empty for an article or abstract).
    /// </summary>
    public sealed record Row(string Set, string Id, bool HasGold, double Relevance, double TopScore, double SimBottom, double SimDoc, double SimBest, bool Composed, string Kind)
    {
        public double[] Features => [Relevance, TopScore, SimBottom, SimDoc, SimBest];

        /// <summary>The signals the product's model reads (<see cref="Answerability.Features"/>).</summary>
        public double[] Model => [TopScore, SimBest];
    }

    public static readonly string[] Names = ["relevance", "reranker score", "meaning: bottom line", "meaning: cited document", "meaning: nearest document"];

    /// <summary>The relevances below which no sentence is used, whatever the model says, that a fit chooses from.</summary>
    private static readonly double[] Floors = [0, 0.2, 0.3, 0.4, 0.47];

    /// <summary>
    /// The model over <paramref name="rows"/>, with the relevance floor and the threshold that best balance the targets
    /// (answer 90% of the questions with a relevant document, decline 80% of the others) on their cross-validated
    /// probabilities: a question whose best sentence is under the floor is declined whatever its probability.
    /// </summary>
    public static Answerability Fit(IReadOnlyList<Row> rows)
    {
        var model = Logistic.Fit(rows.Select(r => r.Model).ToList(), rows.Select(r => r.HasGold).ToList());
        var scored = CrossValidated(rows, [1, 4]);
        var (floor, threshold) = Floors
            .Select(f => (Floor: f, Best: Balanced(scored.Select((s, i) => (rows[i].Relevance < f ? 0 : s.Score, s.Positive)).ToList())))
            .MaxBy(x => Balance(x.Best));
        return model with { Threshold = threshold.T, RelevanceFloor = floor };
    }

    /// <summary>
    /// The question-page model, fitted on every calibration question (LiveQA-Med paraphrases and MEDIQA, whatever their best
    /// document, as it first was), and the guideline model, fitted on the guideline questions whose best document is a guideline.
    /// </summary>
    public static AnswerabilityModels FitModels(IReadOnlyList<Row> questions, IReadOnlyList<Row> guidelines) =>
        new(Fit(questions), Fit(guidelines.Where(r => r.Kind == AnswerabilityModels.GuidelinesKind).ToList()));

    /// <summary>
    /// A question's signals, answered by <paramref name="engine"/> (no relevance threshold) over <paramref name="collection"/>
    /// with the documents of <paramref name="excluding"/> left out.
    /// </summary>
    public static async Task<Row> MeasureAsync(
        string set, string id, string text, string? collection, bool hasGold, AnswerEngine engine, DocumentSearcher searcher, IDocumentStore store,
        IReadOnlySet<DocumentKey>? excluding = null)
    {
        excluding ??= new HashSet<DocumentKey>();
        var answer = await engine.AskAsync(new QuestionInput(text, Audience.Physician) { Collection = collection, Excluding = excluding }, CancellationToken.None);
        var encoder = Encoders.Default;
        var question = encoder.Encode([text])[0];
        double Cos(string other) => other.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(question, encoder.Encode([other])[0]);
        var bottom = string.Join(" ", answer.BottomLine.Select(i => i.Text));
        var cited = answer.BottomLine.SelectMany(i => i.Quotes).Select(q => new DocumentKey(q.Collection, q.DocumentId)).Take(1).ToList();
        var doc = (await store.GetAsync(cited, CancellationToken.None)).FirstOrDefault();
        // The signals as the product reads them (Answerability.Features): the reranker's best score, the nearest in meaning.
        var hits = searcher.Retrieve(text, Answerability.NearestOf, collection, excluding).Hits;
        var features = Answerability.Features(hits);
        var best = hits.Count > 0 ? (await store.GetAsync([hits[0].Key], CancellationToken.None)).FirstOrDefault() : null;
        return new Row(set, id, hasGold, answer.Relevance ?? 0, features[0], Cos(bottom), doc is null ? 0 : Cos(DenseIndex.Text(doc) ?? ""), features[1],
            answer.Outcome == AnswerOutcome.Answered, best is null ? "" : AnswerabilityModels.KindOf(best) ?? "");
    }

    /// <summary>The rows written by <c>answers --answerability</c> (bench/out/answerability-rows.csv).</summary>
    public static List<Row> ReadRows(string path) => File.ReadLines(path).Skip(1).Select(line =>
    {
        var quoted = line.IndexOf("\",", 1, StringComparison.Ordinal);
        var set = line[1..quoted];
        var f = line[(quoted + 2)..].Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Row(set, f[0], f[1] == "1", D(4), D(5), D(6), D(7), D(8), f[2] == "1", f[3]);
    }).ToList();

    /// <summary>
    /// Fits the shipped models (questions: the calibration rows; guidelines: the NGC rows) on every row of a written study
    /// and writes them beside the search code.
    /// </summary>
    public static string WriteModel(IReadOnlyList<Row> rows)
    {
        var (questions, guidelines) = Split(rows);
        var shipped = FitModels(questions, guidelines);
        var report = new StringBuilder();
        foreach (var (kind, model, count) in new[] { (AnswerabilityModels.QuestionsKind, shipped.Questions!, questions.Count), (AnswerabilityModels.GuidelinesKind, shipped.Guidelines!, guidelines.Count(r => r.Kind == AnswerabilityModels.GuidelinesKind)) })
        {
            var path = Path.Combine("src", "Evidentia.Search", $"answerability-{kind}.json");
            File.WriteAllText(path, model.ToJson() + "\n");
            report.AppendLine(CultureInfo.InvariantCulture, $"Wrote {path} from {count} questions: threshold {model.Threshold:F2}, relevance floor {model.RelevanceFloor:F2}.");
        }

        return report.ToString();
    }

    /// <summary>The rows each kind's model learns from: LiveQA-Med paraphrases and MEDIQA (own collections); the NGC guideline questions.</summary>
    public static (List<Row> Questions, List<Row> Guidelines) Split(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        return (list.Where(r => r.Set is "LiveQA-Med (paraphrase)" or "MEDIQA 2019").ToList(), list.Where(r => r.Set == GuidelineSet).ToList());
    }

    public const string GuidelineSet = "NGC guidelines";

    public static string Report(IReadOnlyList<Row> rows)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Answerability over {rows.Count} questions ({rows.Count(r => r.HasGold)} with a relevant document), composed with no relevance threshold ({rows.Count(r => r.Composed)} composed):");
        for (var f = 0; f < Names.Length; f++)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {Names[f]}: ROC AUC {Auc(rows.Select(r => (r.Features[f], r.HasGold)).ToList()):F3}");
        }

        foreach (var subset in new[] { new[] { 0, 1 }, new[] { 0, 1, 2 }, new[] { 0, 1, 3 }, new[] { 0, 1, 4 }, new[] { 1, 4 }, new[] { 4 }, new[] { 0, 1, 2, 3, 4 }, new[] { 2, 3, 4 } })
        {
            var scored = CrossValidated(rows, subset);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- logistic regression over {string.Join(", ", subset.Select(i => Names[i]))}: ROC AUC {Auc(scored):F3} (5-fold cross-validated); {Operating(scored)}");
        }

        return report.ToString();
    }

    // At the threshold that balances the targets (answer 90%, decline 80%), what share of each is met.
    private static string Operating(List<(double Score, bool Positive)> scored)
    {
        var best = Balanced(scored);
        return string.Create(CultureInfo.InvariantCulture, $"at {best.T:F2} (chosen in-sample on the held-out scores) it answers {best.A:P0} and declines {best.D:P0}");
    }

    private static (double T, double A, double D) Balanced(List<(double Score, bool Positive)> scored)
    {
        var pos = scored.Where(s => s.Positive).Select(s => s.Score).ToList();
        var neg = scored.Where(s => !s.Positive).Select(s => s.Score).ToList();
        return Enumerable.Range(0, 101).Select(i => i / 100.0)
            .Select(t => (T: t, A: pos.Count(p => p >= t) / (double)pos.Count, D: neg.Count(n => n < t) / (double)neg.Count))
            .MaxBy(Balance);
    }

    // How far both targets are met: the smaller of the answered share over 90% and the declined share over 80%.
    private static double Balance((double T, double A, double D) x) => Math.Min(x.A / 0.9, x.D / 0.8);

    // Each row's probability by a model fitted on the other folds, in the rows' order.
    public static List<(double Score, bool Positive)> CrossValidated(IReadOnlyList<Row> rows, int[] features)
    {
        var scored = new (double, bool)[rows.Count];
        for (var fold = 0; fold < 5; fold++)
        {
            var train = rows.Where(r => Fold(r.Id) != fold).ToList();
            var model = Logistic.Fit(train.Select(r => features.Select(f => r.Features[f]).ToArray()).ToList(), train.Select(r => r.HasGold).ToList());
            for (var i = 0; i < rows.Count; i++)
            {
                if (Fold(rows[i].Id) == fold)
                {
                    scored[i] = (model.Probability(features.Select(f => rows[i].Features[f]).ToArray()), rows[i].HasGold);
                }
            }
        }

        return [.. scored];
    }

    private static int Fold(string id) => (int)(System.IO.Hashing.XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(id)) % 5);

    public static double Auc(List<(double Score, bool Positive)> rows)
    {
        var pos = rows.Where(r => r.Positive).Select(r => r.Score).ToList();
        var neg = rows.Where(r => !r.Positive).Select(r => r.Score).ToList();
        var wins = pos.Sum(p => neg.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0));
        return pos.Count * neg.Count == 0 ? 0 : wins / (pos.Count * neg.Count);
    }
}

/// <summary>
/// Logistic regression with standardised features and an L2 penalty, fitted by Newton's method (a handful of
/// features), as the product's <see cref="Answerability"/> reads it (its threshold and floor left at 0).
/// </summary>
internal static class Logistic
{
    public static Answerability Fit(List<double[]> x, List<bool> y, double l2 = 1.0)
    {
        var d = x[0].Length;
        var mean = Enumerable.Range(0, d).Select(j => x.Average(r => r[j])).ToArray();
        var scale = Enumerable.Range(0, d).Select(j => Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]))) is var s && s > 1e-9 ? s : 1).ToArray();
        var z = x.Select(r => r.Select((v, j) => (v - mean[j]) / scale[j]).Prepend(1.0).ToArray()).ToList();
        var w = new double[d + 1];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (var n = 0; n < z.Count; n++)
            {
                var p = 1 / (1 + Math.Exp(-z[n].Select((v, j) => v * w[j]).Sum()));
                for (var j = 0; j <= d; j++)
                {
                    gradient[j] += (p - (y[n] ? 1 : 0)) * z[n][j];
                    for (var k = 0; k <= d; k++)
                    {
                        hessian[j, k] += p * (1 - p) * z[n][j] * z[n][k];
                    }
                }
            }

            for (var j = 1; j <= d; j++)
            {
                gradient[j] += l2 * w[j];
                hessian[j, j] += l2;
            }

            var step = Solve(hessian, gradient);
            for (var j = 0; j <= d; j++)
            {
                w[j] -= step[j];
            }

            if (step.Max(Math.Abs) < 1e-8)
            {
                break;
            }
        }

        return new Answerability(mean, scale, w[1..], w[0], Threshold: 0, RelevanceFloor: 0);
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
            }

            m[i, n] = b[i];
        }

        for (var c = 0; c < n; c++)
        {
            var pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(m[r, c]));
            for (var j = 0; j <= n; j++)
            {
                (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r != c && m[c, c] != 0)
                {
                    var f = m[r, c] / m[c, c];
                    for (var j = c; j <= n; j++)
                    {
                        m[r, j] -= f * m[c, j];
                    }
                }
            }
        }

        return Enumerable.Range(0, n).Select(i => m[i, i] == 0 ? 0 : m[i, n] / m[i, i]).ToArray();
    }
}
