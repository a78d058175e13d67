namespace Evidentia.Search.Evaluation;

/// <summary>
/// How far a relative improvement measured on a few queries can be trusted: a paired bootstrap over queries
/// (Efron and Tibshirani, 1993; for IR, Sakai, "Evaluating evaluation metrics based on the bootstrap", SIGIR 2006).
/// Each sample draws as many queries as there are, with replacement, keeping each query's two scores together,
/// and takes the change of the system's mean over the anchor's; the interval is the samples' 2.5th and 97.5th
/// percentiles. Seeded, so a rerun prints the same interval.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>The 95% interval of mean(system) / mean(anchor) − 1 over the queries both score.</summary>
    public static (double Low, double High) ChangeInterval(
        IReadOnlyDictionary<string, double> system, IReadOnlyDictionary<string, double> anchor, int samples = 10_000, int seed = 1)
    {
        var pairs = system.Where(s => anchor.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (System: s.Value, Anchor: anchor[s.Key])).ToArray();
        if (pairs.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        var random = new Random(seed);
        var changes = new List<double>(samples);
        for (var b = 0; b < samples; b++)
        {
            double x = 0, y = 0;
            for (var i = 0; i < pairs.Length; i++)
            {
                var (s, a) = pairs[random.Next(pairs.Length)];
                x += s;
                y += a;
            }

            // A sample whose anchor scores nothing has no ratio; it is left out.
            if (y > 0)
            {
                changes.Add((x / y) - 1);
            }
        }

        if (changes.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        changes.Sort();
        return (changes[(int)Math.Floor(0.025 * (changes.Count - 1))], changes[(int)Math.Ceiling(0.975 * (changes.Count - 1))]);
    }
}
