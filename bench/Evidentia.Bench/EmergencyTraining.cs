using System.Text;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Questions;
using Evidentia.Search.Evaluation;
using Evidentia.Semantics;
using Evidentia.Semantics.Emergencies;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Evidentia.Bench;

/// <summary>
/// Trains the emergency classifier (<c>emergencies [--write-model]</c>): a logistic regression (ML.NET L-BFGS) over
/// arctic-embed-xs vectors of the category-labelled set in src/Evidentia.Semantics/Emergencies/training.jsonl, with the
/// dev benchmarks' questions (LiveQA-Med messages and paraphrases, MEDIQA, BioASQ, NGC) as further non-emergencies.
/// Reported by leave-one-category-out cross-validation: each red-flag category is scored by a model that never saw
/// it, so the figure measures topics and phrasings it was not trained on. The dev emergency set of the tests is
/// never trained on and is scored by the final model, trained on everything.
/// </summary>
public static class EmergencyTraining
{
    private const string TrainingPath = "src/Evidentia.Semantics/Emergencies/training.jsonl";
    private const string ModelPath = "src/Evidentia.Semantics/Emergencies/emergency-model.json";
    private const string DevSetPath = "tests/Evidentia.Tests/Questions/emergency-set.jsonl";
    private const int Dimensions = 384;

    /// <summary>
    /// The decision threshold and the L2 penalty, chosen by the cross-validation below (L2 0.001 to 1, threshold 0.5 to 0.8):
    /// the most emergencies flagged with no look-alike flagged. docs/EVALUATION.md gives the sweep.
    /// </summary>
    public const float Threshold = 0.5f;
    public const float L2 = 0.003f;

    private sealed record Example(string Text, string Category, bool Emergency, string? Reason, bool General);

    private sealed class Row
    {
        [VectorType(Dimensions)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    public static int Run(bool writeModel)
    {
        var examples = File.ReadLines(TrainingPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new Example(
                e.GetProperty("text").GetString()!, e.GetProperty("category").GetString()!, e.GetProperty("emergency").GetBoolean(),
                e.TryGetProperty("reason", out var r) ? r.GetString() : null, General: false))
            .ToList();
        var categories = examples.Select(e => e.Category).Distinct().ToList();
        // General questions: a fold of them is left out with each category, so none is scored by a model trained on it.
        var general = GeneralQuestions().Select((q, i) => new Example(q, categories[i % categories.Count], false, null, General: true)).ToList();
        var all = examples.Concat(general).ToList();

        using var encoder = new OnnxTextEncoder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var vectors = encoder.Encode(all.Select(e => e.Text).ToList());
        Console.Error.WriteLine($"Encoded {all.Count} questions in {clock.Elapsed.TotalSeconds:F1} s.");

        var report = new StringBuilder();
        report.AppendLine($"Emergency classifier: {examples.Count(e => e.Emergency)} emergencies and {examples.Count(e => !e.Emergency)} look-alikes in {categories.Count} categories, {general.Count} general dev questions; L2 {L2}, threshold {Threshold}.");
        report.AppendLine();
        report.AppendLine("| held-out category | emergencies flagged | look-alikes flagged | general questions flagged |");
        report.AppendLine("|---|---|---|---|");
        var ml = new MLContext(seed: 1);
        int flagged = 0, emergencies = 0, lookAlikesFlagged = 0, lookAlikes = 0, generalFlagged = 0, generalCount = 0;
        var missed = new List<string>();
        var falseAlarms = new List<string>();
        foreach (var held in categories)
        {
            var train = Enumerable.Range(0, all.Count).Where(i => all[i].Category != held).ToList();
            var test = Enumerable.Range(0, all.Count).Where(i => all[i].Category == held).ToList();
            var model = Train(ml, train.Select(i => (vectors[i], all[i])).ToList(), encoder.Model);
            var classifier = new EmergencyClassifier(encoder, model);
            int f = 0, e = 0, lf = 0, l = 0, gf = 0, g = 0;
            foreach (var i in test)
            {
                var positive = classifier.Detect(vectors[i]) is not null;
                if (all[i].Emergency)
                {
                    e++;
                    f += positive ? 1 : 0;
                    if (!positive)
                    {
                        missed.Add($"{held}: {all[i].Text} ({classifier.Probability(vectors[i]):F2})");
                    }
                }
                else if (all[i].General)
                {
                    g++;
                    gf += positive ? 1 : 0;
                    if (positive)
                    {
                        falseAlarms.Add($"general: {all[i].Text} ({classifier.Probability(vectors[i]):F2})");
                    }
                }
                else
                {
                    l++;
                    lf += positive ? 1 : 0;
                    if (positive)
                    {
                        falseAlarms.Add($"{held}: {all[i].Text} ({classifier.Probability(vectors[i]):F2})");
                    }
                }
            }

            report.AppendLine($"| {held} | {f} of {e} | {lf} of {l} | {gf} of {g} |");
            (flagged, emergencies, lookAlikesFlagged, lookAlikes, generalFlagged, generalCount) =
                (flagged + f, emergencies + e, lookAlikesFlagged + lf, lookAlikes + l, generalFlagged + gf, generalCount + g);
        }

        report.AppendLine($"| **all (leave one category out)** | **{Share(flagged, emergencies)}** | **{Share(lookAlikesFlagged, lookAlikes)}** | **{Share(generalFlagged, generalCount)}** |");
        report.AppendLine();
        report.AppendLine("Missed: " + (missed.Count == 0 ? "none" : string.Join("; ", missed)));
        report.AppendLine();
        report.AppendLine("Flagged look-alikes and general questions: " + (falseAlarms.Count == 0 ? "none" : string.Join("; ", falseAlarms)));
        report.AppendLine();

        var final = Train(ml, all.Select((e, i) => (vectors[i], e)).ToList(), encoder.Model);
        var detector = new EmergencyClassifier(encoder, final);
        var dev = File.ReadLines(DevSetPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Emergency: e.GetProperty("emergency").GetBoolean())).ToList();
        var devVectors = encoder.Encode(dev.Select(d => d.Text).ToList());
        var devFlagged = dev.Select((d, i) => (d, Flag: detector.Detect(devVectors[i]) is not null, Rule: QuestionAnalyzer.Emergency(d.Text) is not null)).ToList();
        report.AppendLine(
            $"Dev emergency set of the tests (never trained on), final model: {Share(devFlagged.Count(x => x.d.Emergency && x.Flag), dev.Count(d => d.Emergency))} of emergencies flagged, "
            + $"{Share(devFlagged.Count(x => !x.d.Emergency && x.Flag), dev.Count(d => !d.Emergency))} of look-alikes; with the rules as backstop "
            + $"{Share(devFlagged.Count(x => x.d.Emergency && (x.Flag || x.Rule)), dev.Count(d => d.Emergency))} and {Share(devFlagged.Count(x => !x.d.Emergency && (x.Flag || x.Rule)), dev.Count(d => !d.Emergency))}.");
        report.AppendLine("Dev set missed: " + string.Join("; ", devFlagged.Where(x => x.d.Emergency && !x.Flag).Select(x => x.d.Text)));
        report.AppendLine("Dev set false alarms: " + string.Join("; ", devFlagged.Where(x => !x.d.Emergency && x.Flag).Select(x => x.d.Text)));
        Console.WriteLine(report);
        if (writeModel)
        {
            final.Save(ModelPath);
            Console.Error.WriteLine($"Wrote {ModelPath}.");
        }

        return 0;
    }

    private static EmergencyModel Train(MLContext ml, List<(float[] Vector, Example Example)> rows, string encoderName)
    {
        var positives = rows.Count(r => r.Example.Emergency);
        var negatives = rows.Count - positives;
        // The two classes weigh the same in total; within the negatives, look-alikes weigh as much as all general questions.
        var lookAlikes = rows.Count(r => !r.Example.Emergency && !r.Example.General);
        var general = negatives - lookAlikes;
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row
        {
            Features = r.Vector,
            Label = r.Example.Emergency,
            Weight = r.Example.Emergency ? 1f : r.Example.General ? positives / 2f / general : positives / 2f / lookAlikes,
        }));
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = L2,
            L1Regularization = 0,
        });
        var model = trainer.Fit(data).Model.SubModel;
        var centroids = rows.Where(r => r.Example.Emergency).GroupBy(r => r.Example.Category)
            .Select(g => new EmergencyCategory(g.Key, g.First().Example.Reason!, Normalised(g.Select(r => r.Vector))))
            .ToList();
        return new EmergencyModel(encoderName, model.Weights.ToArray(), model.Bias, Threshold, centroids);
    }

    private static float[] Normalised(IEnumerable<float[]> vectors)
    {
        var sum = new float[Dimensions];
        foreach (var v in vectors)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(sum, System.Numerics.Tensors.TensorPrimitives.Norm(sum), sum);
        return sum;
    }

    // The dev benchmarks' questions as their askers wrote them: LiveQA-Med messages as well as the paraphrases.
    private static List<string> GeneralQuestions()
    {
        var liveQaMessages = File.ReadLines(Path.Combine(BenchData.SharedData, "liveqa_med", "dev.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString() ?? "")
            .Where(m => m.Length is > 0 and <= QuestionRules.MaxLength);
        return DevQuestions.Read(BenchData.SharedData, bioAsqLimit: 200).Select(q => q.Text).Concat(liveQaMessages)
            .Where(q => q.Length <= QuestionRules.MaxLength).Distinct().ToList();
    }

    private static string Share(int count, int of)
    {
        var (low, high) = Proportion.WilsonInterval(count, of);
        return $"{count} of {of} ({100.0 * count / Math.Max(of, 1):F1}%; {100 * low:F0}–{100 * high:F0}%)";
    }
}
