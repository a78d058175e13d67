using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidentia.Cli;
using Evidentia.Core.Answers;
using Evidentia.Search;
using Evidentia.Search.Evaluation;
using Evidentia.Search.Retrieval;

namespace Evidentia.Bench;

/// <summary>
/// Which sentence states what a question asks (issue 23, item 4): each dev question's candidate sentences (as the
/// composer receives them, quotable to a physician) labelled at the sentence level, and the sentence model
/// (<see cref="SentenceChoice"/>) fitted on them and cross-validated by question, against the hand-weighted score it
/// replaces. Labels: a sentence of an NGC question's guideline (gold or also relevant) that says one of its key terms;
/// a sentence of a BioASQ question's abstracts that restates its ideal answer (ROUGE-2 recall at least
/// <see cref="RestatesIdeal"/>); a sentence of a page judged to answer a LiveQA-Med paraphrase or MEDIQA question.
/// <c>sentences [--write-model]</c>.
/// </summary>
internal static class SentenceStudy
{
    /// <summary>The ROUGE-2 recall of the ideal answer at which a BioASQ sentence restates it.</summary>
    private const double RestatesIdeal = 0.3;

    /// <summary>How many BioASQ questions (of 1,113) the study reads, spread evenly: the sets weigh alike in the fit anyway.</summary>
    private const int BioAsqQuestions = 300;

    /// <summary>The negatives of a question that train the model: its best by the old score, and as many more spread over the rest.</summary>
    private const int HardNegatives = 20, OtherNegatives = 20;

    /// <summary>The positives of a question that train the ranking: its best by the old score.</summary>
    private const int MaxPositives = 10;

    public sealed record Candidate(double[] Features, bool Positive, double Baseline, string Text = "", string Title = "");

    public sealed record Question(string Set, string Id, List<Candidate> Candidates, string Text = "")
    {
        public bool Learnable => Candidates.Any(c => c.Positive);
    }

    /// <summary>The hand-weighted score the model replaces: the search score, the sentence's and its frame's coverage, its place.</summary>
    private static double Baseline(double[] f) => (0.5 * f[0]) + (0.3 * f[2]) + (0.2 * f[3]) - (0.05 * f[5]);

    /// <summary>Every dev question's candidates, searched by its own fold's searcher.</summary>
    public static async Task<List<Question>> CollectAsync(Workspace workspace, FoldedSearch folded, string data)
    {
        var recorder = new Recorder(new AnswerComposer(workspace.ComposerOptions));
        var engines = folded.Searchers.Select(s => new AnswerEngine(workspace.Store, s, workspace.SearchOptions, recorder)).ToArray();
        var questions = new List<Question>();

        async Task Add(string set, string id, string text, string? collection, Func<ScoredPassage, bool> positive)
        {
            if (QuestionRules.Validate(text) is not null)
            {
                return;
            }

            await engines[folded.FoldOf(id)].AskAsync(new QuestionInput(text, Audience.Physician) { Collection = collection }, CancellationToken.None);
            var candidates = recorder.Last
                .Where(c => c.Features is not null && recorder.Composer.CanQuote(c, Audience.Physician))
                .Select(c => new Candidate(c.Features!, positive(c), Baseline(c.Features!), c.Text, c.Document.Title))
                .ToList();
            questions.Add(new Question(set, id, candidates, text));
        }

        foreach (var c in AnswerEvaluation.GuidelineCases(data))
        {
            await Add(c.Set, c.Id, c.Text, null, p => c.Gold.Contains(p.Document.Key.Id) && c.KeyTerms.Any(t => p.Text.Contains(t, StringComparison.OrdinalIgnoreCase)));
        }

        foreach (var c in AnswerEvaluation.Cases(data).Where(c => c.Set != "LiveQA-Med (consumer message)" && c.Gold.Count > 0))
        {
            await Add(c.Set, c.Id, c.Text, c.Collection, p => p.Document.Key.Collection == c.Collection && c.Gold.Contains(p.Document.Key.Id));
        }

        var bioAsq = File.ReadLines(Path.Combine(data, "bioasq", "dev.jsonl")).Where(l => l.Length > 0).ToList();
        foreach (var line in bioAsq.Where((_, i) => i % Math.Max(1, bioAsq.Count / BioAsqQuestions) == 0))
        {
            var q = JsonDocument.Parse(line).RootElement;
            var ideals = q.GetProperty("ideal_answer").EnumerateArray().Select(i => i.GetString()!).Where(i => i.Length > 0).ToList();
            if (ideals.Count > 0)
            {
                await Add("BioASQ", q.GetProperty("id").GetString()!, q.GetProperty("question").GetString()!, "bioasq",
                    p => ideals.Max(i => AnswerEvaluation.Rouge2(p.Text, i).Recall) >= RestatesIdeal);
            }
        }

        return questions;
    }

    /// <summary>
    /// The model fitted on <paramref name="questions"/>, as a ranking within each question: logistic regression on the
    /// differences of pairs (a positive and a negative of one question, both ways round), each question weighing alike
    /// and each set alike; then its scores calibrated to probabilities on the same candidates (Platt scaling), so that the
    /// score the composer adds its preferences to is a probability. The negatives of a question are its best by the old
    /// score and as many more spread over the rest; its positives, the best of them by the old score.
    /// </summary>
    public static LogisticModel Fit(IReadOnlyList<Question> questions)
    {
        var learnable = questions.Where(q => q.Learnable).ToList();
        var perSet = learnable.GroupBy(q => q.Set).ToDictionary(g => g.Key, g => g.Count());
        var (x, y, w) = (new List<double[]>(), new List<bool>(), new List<double>());
        var (points, labels, pointWeights) = (new List<double[]>(), new List<bool>(), new List<double>());
        foreach (var q in learnable)
        {
            var positives = q.Candidates.Where(c => c.Positive).OrderByDescending(c => c.Baseline).Take(MaxPositives).ToList();
            var negatives = q.Candidates.Where(c => !c.Positive).OrderByDescending(c => c.Baseline).ToList();
            var rest = negatives.Skip(HardNegatives).ToList();
            var sample = negatives.Take(HardNegatives).Concat(rest.Where((_, i) => i % Math.Max(1, rest.Count / OtherNegatives) == 0).Take(OtherNegatives)).ToList();
            var weight = 1000.0 / perSet[q.Set];
            foreach (var p in positives)
            {
                foreach (var n in sample)
                {
                    var difference = p.Features.Zip(n.Features, (a, b) => a - b).ToArray();
                    x.Add(difference);
                    y.Add(true);
                    x.Add(difference.Select(v => -v).ToArray());
                    y.Add(false);
                    w.Add(weight / (positives.Count * sample.Count));
                    w.Add(weight / (positives.Count * sample.Count));
                }
            }

            foreach (var (set, share) in new[] { (positives, weight / 2 / positives.Count), (sample, weight / 2 / Math.Max(1, sample.Count)) })
            {
                foreach (var c in set)
                {
                    points.Add(c.Features);
                    labels.Add(c.Positive);
                    pointWeights.Add(share);
                }
            }
        }

        // The pairs are symmetric, so their mean is 0 and the ranking model is the weights over the scaled features.
        var ranking = Logistic.Fit(x, y, l2: 1.0, weights: w);
        double Linear(double[] f) => f.Select((v, j) => ranking.Weights[j] * v / ranking.Scale[j]).Sum();
        var platt = Logistic.Fit(points.Select(f => new[] { Linear(f) }).ToList(), labels, l2: 0, weights: pointWeights);
        var (a, b) = (platt.Weights[0] / platt.Scale[0], platt.Bias - (platt.Weights[0] * platt.Mean[0] / platt.Scale[0]));
        return new LogisticModel(new double[ranking.Mean.Length], ranking.Scale, ranking.Weights.Select(v => v * a).ToArray(), b);
    }

    /// <summary>The cross-validated report: per set, how often the first candidate (and one of the first three) is a positive.</summary>
    public static string Report(IReadOnlyList<Question> questions, RerankerTraining folded, IReadOnlyList<string>? names = null)
    {
        var folds = Enumerable.Range(0, RerankerTraining.Folds).Select(k => Fit(questions.Where(q => folded.FoldOf(q.Id) != k).ToList())).ToArray();
        var report = new StringBuilder();
        report.AppendLine("| Set | Questions | With a positive candidate | Candidates (mean) | First is a positive: old score | learned (cross-validated) | One of the first three: old | learned |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var old1 = new Dictionary<string, double>();
        var new1 = new Dictionary<string, double>();
        foreach (var set in questions.GroupBy(q => q.Set))
        {
            var learnable = set.Where(q => q.Learnable).ToList();
            int Top(Func<Question, Candidate, double> score, int k) =>
                learnable.Count(q => q.Candidates.OrderByDescending(c => score(q, c)).Take(k).Any(c => c.Positive));
            double Learned(Question q, Candidate c) => folds[folded.FoldOf(q.Id)].Probability(c.Features);
            foreach (var q in learnable)
            {
                old1[q.Set + q.Id] = q.Candidates.MaxBy(c => c.Baseline)!.Positive ? 1 : 0;
                new1[q.Set + q.Id] = q.Candidates.MaxBy(c => Learned(q, c))!.Positive ? 1 : 0;
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {set.Key} | {set.Count()} | {learnable.Count} | {set.Average(q => q.Candidates.Count):F0} | {Rate(Top((_, c) => c.Baseline, 1), learnable.Count)} | {Rate(Top(Learned, 1), learnable.Count)} | {Rate(Top((_, c) => c.Baseline, 3), learnable.Count)} | {Rate(Top(Learned, 3), learnable.Count)} |");
        }

        var (low, high) = PairedBootstrap.ChangeInterval(new1, old1);
        report.AppendLine().AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"All sets: first is a positive {old1.Values.Average():P1} → {new1.Values.Average():P1} (relative change {100 * ((new1.Values.Average() / old1.Values.Average()) - 1):+0.0;-0.0}%, 95% interval {100 * low:+0.0;-0.0}% to {100 * high:+0.0;-0.0}%, paired bootstrap)."));
        var shipped = Fit(questions);
        report.AppendLine().AppendLine("Fitted on every question (standardised weights):").AppendLine();
        report.AppendLine("| Signal | Weight |").AppendLine("|---|---:|");
        foreach (var (name, weight) in (names ?? SentenceChoice.Names).Zip(shipped.Weights))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {weight:+0.000;-0.000} |");
        }

        return report.ToString();
    }

    /// <summary>
    /// Each question's first <paramref name="top"/> candidates by the hand-weighted score, with the sentence encoder's
    /// cosine of the question (as a query) and the sentence, and of the question and the sentence under its title,
    /// as two more signals.
    /// </summary>
    public static List<Question> WithMeaning(IReadOnlyList<Question> questions, Evidentia.Core.Text.ITextEncoder encoder, int top)
    {
        var result = new List<Question>();
        var done = 0;
        foreach (var q in questions)
        {
            var candidates = q.Candidates.OrderByDescending(c => c.Baseline).Take(top).ToList();
            var query = encoder.Encode([q.Text], asQuery: true)[0];
            var plain = encoder.Encode(candidates.Select(c => c.Text).ToList());
            var titled = encoder.Encode(candidates.Select(c => $"{c.Title}: {c.Text}").ToList());
            result.Add(q with
            {
                Candidates = candidates.Select((c, i) => c with
                {
                    Features = [.. c.Features, System.Numerics.Tensors.TensorPrimitives.Dot(query, plain[i]), System.Numerics.Tensors.TensorPrimitives.Dot(query, titled[i])],
                }).ToList(),
            });
            if (++done % 50 == 0)
            {
                Console.Error.WriteLine($"meaning: {done} of {questions.Count} questions");
            }
        }

        return result;
    }

    /// <summary>How often each hand-made score's first candidate is a positive, over the questions with one.</summary>
    public static string Compare(IReadOnlyList<Question> questions, IReadOnlyList<(string Name, Func<Candidate, double> Score)> scores)
    {
        var report = new StringBuilder("| Set | Questions |" + string.Concat(scores.Select(s => $" {s.Name} |")) + "\n|---|---:|" + string.Concat(scores.Select(_ => "---:|")) + "\n");
        foreach (var set in questions.Where(q => q.Learnable).GroupBy(q => q.Set).Append(questions.Where(q => q.Learnable).GroupBy(_ => "all").Single()))
        {
            report.Append(CultureInfo.InvariantCulture, $"| {set.Key} | {set.Count()} |");
            foreach (var (_, score) in scores)
            {
                report.Append(' ').Append(Rate(set.Count(q => q.Candidates.MaxBy(score)!.Positive), set.Count())).Append(" |");
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    /// <summary>The collected questions as JSON lines (bench/out/sentence-rows.jsonl), to fit again without searching again.</summary>
    public static void Save(IReadOnlyList<Question> questions, string path) =>
        File.WriteAllLines(path, questions.Select(q => JsonSerializer.Serialize(q)));

    public static List<Question> Load(string path) =>
        File.ReadLines(path).Select(l => JsonSerializer.Deserialize<Question>(l)!).ToList();

    public static string WriteModel(IReadOnlyList<Question> questions)
    {
        var path = Path.Combine("src", "Evidentia.Search", "Retrieval", "sentence-choice.json");
        File.WriteAllText(path, Fit(questions).ToJson() + "\n");
        return $"Wrote {path} from {questions.Count(q => q.Learnable)} questions.";
    }

    private static string Rate(int count, int of)
    {
        var (low, high) = Proportion.WilsonInterval(count, of);
        return string.Create(CultureInfo.InvariantCulture, $"{count} ({100.0 * count / Math.Max(1, of):F1}%; {100 * low:F0}–{100 * high:F0}%)");
    }

    /// <summary>A composer that keeps the candidates it was last given, then composes as the product does.</summary>
    private sealed class Recorder(AnswerComposer composer) : IAnswerComposer
    {
        public AnswerComposer Composer => composer;

        public IReadOnlyList<ScoredPassage> Last { get; private set; } = [];

        public Task<Answer> ComposeAsync(AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition> definitions, CancellationToken cancellationToken)
        {
            Last = candidates;
            return composer.ComposeAsync(request, candidates, definitions, cancellationToken);
        }
    }
}

