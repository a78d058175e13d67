using System.Diagnostics;
using System.Globalization;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Core.Answers;

namespace Evidentia.Bench;

/// <summary>
/// Warm latency of search (top 10) and ask over a data folder of any size (issue 26): every question is searched and
/// answered once to warm the process, then timed once more; percentiles over the timed pass.
/// <c>scale-latency DATA</c>, run by <c>bench/scale.sh</c>.
/// </summary>
public static class ScaleLatency
{
    public sealed record Figures(int Questions, double SearchP50, double SearchP95, double SearchP99, double AskP50, double AskP95, double AskP99)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"questions\t{Questions}\nsearch_p50_ms\t{SearchP50:F2}\nsearch_p95_ms\t{SearchP95:F2}\nsearch_p99_ms\t{SearchP99:F2}\nask_p50_ms\t{AskP50:F2}\nask_p95_ms\t{AskP95:F2}\nask_p99_ms\t{AskP99:F2}");
    }

    public static async Task<Figures> MeasureAsync(string dataFolder, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        await using var workspace = await Workspace.OpenAsync(new DataFolder(dataFolder), cancellationToken, beside: true);
        var engine = workspace.CreateAnswerEngine();
        var search = new List<double>();
        var ask = new List<double>();
        foreach (var timed in new[] { false, true })
        {
            foreach (var question in questions)
            {
                var clock = Stopwatch.StartNew();
                workspace.Searcher.Search(question, 10);
                var searched = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await engine.AskAsync(question, Audience.Physician, null, cancellationToken);
                if (timed)
                {
                    search.Add(searched);
                    ask.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        // The slowest searches, to standard error: where the tail comes from.
        foreach (var (time, question) in search.Zip(questions).OrderByDescending(x => x.First).Take(5))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest search\t{time:F1} ms\t{workspace.Searcher.QuestionTerms(question).Count} terms\t{question[..Math.Min(question.Length, 100)]}"));
        }

        return new Figures(questions.Count, Percentile(search, 50), Percentile(search, 95), Percentile(search, 99), Percentile(ask, 50), Percentile(ask, 95), Percentile(ask, 99));
    }

    /// <summary>The nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
