using BenchmarkDotNet.Running;
using Evidentia.Bench;

// trec-files DATA_DIR OUT_DIR: queries and qrels of the dev benchmarks (see bench/README.md).
// Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["trec-files", var dataDir, var outDir])
{
    foreach (var b in TrecFiles.Write(dataDir, outDir))
    {
        Console.WriteLine($"{b.Name}\t{b.Queries}\t{b.Qrels}\t{b.Collection}\t{b.MinRelevant}");
    }

    return 0;
}

// retrieval [OUT_DIR]: the retrieval table of docs/EVALUATION.md, with both anchors in the same run.
if (args is ["retrieval", ..])
{
    return await RetrievalEvaluation.RunAsync(args.Length > 1 ? args[1] : Path.Combine("bench", "out"));
}

// answers [EMERGENCY_SET]: the answer figures of docs/EVALUATION.md.
if (args is ["answers", ..])
{
    return await AnswerEvaluation.RunAsync(args.Length > 1 ? args[1] : Path.Combine("tests", "Evidentia.Tests", "Questions", "emergency-set.jsonl"));
}

// pages: server time of the answer page, new and already answered (docs/PERFORMANCE.md).
if (args is ["pages"])
{
    return await PageTimings.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(TrecFiles).Assembly).Run(args);
return 0;
