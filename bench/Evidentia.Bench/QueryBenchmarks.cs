using BenchmarkDotNet.Attributes;
using Evidentia.Cli;
using Evidentia.Core.Answers;
using Evidentia.Search;

namespace Evidentia.Bench;

/// <summary>
/// Warm, in-process latency of one search (top 10) and one answer, over all shared corpora. Each
/// invocation takes the next dev question, so a figure is the per-question time over the whole set.
/// </summary>
[Config(typeof(InProcessConfig))]
public class QueryBenchmarks
{
    private Workspace _workspace = null!;
    private AnswerEngine _engine = null!;
    private IReadOnlyList<string> _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _workspace = BenchData.OpenCorpusAsync().GetAwaiter().GetResult();
        _engine = _workspace.CreateAnswerEngine();
        _questions = BenchData.Questions();
    }

    [GlobalCleanup]
    public void Cleanup() => _workspace.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int Search() => _workspace.Searcher.Search(NextQuestion(), 10).Count;

    [Benchmark]
    public int Ask() => _engine.AskAsync(NextQuestion(), Audience.Physician, null, CancellationToken.None).GetAwaiter().GetResult().References.Count;

    private string NextQuestion() => _questions[_next++ % _questions.Count];
}
