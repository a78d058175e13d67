namespace Evidentia.Tests.Support;

/// <summary>The tests that share the ingested real corpora (<see cref="SharedCorpusFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedCorpusCollection : ICollectionFixture<SharedCorpusFixture>
{
    public const string Name = "shared corpus";
}
