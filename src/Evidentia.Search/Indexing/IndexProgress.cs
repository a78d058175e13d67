namespace Evidentia.Search.Indexing;

/// <summary>What an index sync is doing: reading the store to learn from, learning word vectors, or applying changes.</summary>
public enum IndexStage
{
    /// <summary>Reading the whole store for the word vectors (a build from scratch only); counts store sequence numbers.</summary>
    Reading,

    /// <summary>Learning word vectors (a build from scratch only); counts words trained on, over every epoch.</summary>
    Learning,

    /// <summary>Applying the change feed to the index; counts store sequence numbers.</summary>
    Applying,
}

/// <summary>How far an index sync is through one of its stages.</summary>
public readonly record struct IndexProgress(IndexStage Stage, long Done, long Total);
