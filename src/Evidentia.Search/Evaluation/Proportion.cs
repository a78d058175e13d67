namespace Evidentia.Search.Evaluation;

/// <summary>How far a share measured on a few questions can be trusted.</summary>
public static class Proportion
{
    private const double Z = 1.959963984540054; // the normal distribution's 97.5th percentile

    /// <summary>
    /// The 95% Wilson score interval of <paramref name="successes"/> of <paramref name="trials"/> (Wilson, 1927; Newcombe,
    /// "Two-sided confidence intervals for the single proportion", Statistics in Medicine, 1998): unlike the normal
    /// approximation it stays within 0 and 1 and holds for the small sets of LiveQA-Med.
    /// </summary>
    public static (double Low, double High) WilsonInterval(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return (0, 1);
        }

        var p = (double)successes / trials;
        var denominator = 1 + (Z * Z / trials);
        var centre = (p + (Z * Z / (2.0 * trials))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / trials) + (Z * Z / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
