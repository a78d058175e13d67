using Evidentia.Cli;
using Evidentia.Search.Retrieval;

namespace Evidentia.Bench;

/// <summary>
/// One searcher per cross-validation fold of the dev questions, each with a reranker trained on the other folds' questions
/// (as the retrieval table): a dev question is searched by the searcher of its own fold, so no figure is in-sample. With
/// the sentence vectors built (<c>EVIDENTIA_BENCH_LEXICAL</c> unset), the product searches hybrid, and so do the folds.
/// </summary>
internal sealed record FoldedSearch(RerankerTraining Training, DocumentSearcher[] Searchers, bool Hybrid)
{
    public static async Task<FoldedSearch> CreateAsync(Workspace workspace, string data)
    {
        var training = new RerankerTraining(RerankerTraining.FoldKeys(data));
        var benchmarks = TrecFiles.Write(data, Path.Combine("bench", "out"));
        var documents = await BenchData.CitableDocumentsAsync(workspace);
        var folds = training.TrainFolds(RerankerTraining.Collect(workspace.Searcher, benchmarks, documents).SelectMany(r => r.Candidates).ToList());
        var hybrid = Environment.GetEnvironmentVariable("EVIDENTIA_BENCH_LEXICAL") is null;
        var hybridFolds = hybrid
            ? new RerankerTraining(RerankerTraining.FoldKeys(data), hybrid: true)
                .TrainFolds(RerankerTraining.Collect(workspace.Searcher, benchmarks, documents, hybrid: true).SelectMany(r => r.Candidates).ToList())
            : folds.Select(_ => (Reranker?)null).ToArray();
        workspace.SearchOptions.Dense = hybrid;
        return new FoldedSearch(training, folds.Select((model, i) => new DocumentSearcher(workspace.Index, workspace.SearchOptions, model, workspace.Dense, hybridFolds[i])).ToArray(), hybrid);
    }

    public int FoldOf(string id) => Training.FoldOf(id);
}
