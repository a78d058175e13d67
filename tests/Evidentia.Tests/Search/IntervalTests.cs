using Evidentia.Search.Evaluation;

namespace Evidentia.Tests.Search;

public class IntervalTests
{
    [Fact]
    public void Should_Bootstrap_The_Change_Over_The_Anchor_With_Each_Query_Kept_Paired()
    {
        var anchor = new Dictionary<string, double> { ["a"] = 0.2, ["b"] = 0.5, ["c"] = 0.9, ["d"] = 0.4 };

        // Every query doubled: every resample doubles the mean, so the interval is exactly +100% (resampling the two
        // runs apart would scatter it).
        Assert.Equal((1.0, 1.0), Rounded(PairedBootstrap.ChangeInterval(anchor.ToDictionary(q => q.Key, q => q.Value * 2), anchor)));
        Assert.Equal((0.0, 0.0), Rounded(PairedBootstrap.ChangeInterval(anchor, anchor)));

        // One query of four better: the change is +25% of the mean, and a resample may miss that query or draw it often.
        var system = new Dictionary<string, double>(anchor) { ["c"] = 1.4 };
        var (low, high) = PairedBootstrap.ChangeInterval(system, anchor);
        Assert.Equal(0, low, 10);
        Assert.InRange(high, 0.25, 1.0);
        Assert.Equal((low, high), PairedBootstrap.ChangeInterval(system, anchor));
    }

    private static (double, double) Rounded((double Low, double High) interval) => (Math.Round(interval.Low, 10), Math.Round(interval.High, 10));

    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    public void Should_Give_The_Wilson_Interval_Of_Newcombes_Examples(int successes, int trials, double low, double high)
    {
        // Newcombe, Statistics in Medicine 17 (1998) 857-872, table I, method 3.
        var interval = Proportion.WilsonInterval(successes, trials);
        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }
}
