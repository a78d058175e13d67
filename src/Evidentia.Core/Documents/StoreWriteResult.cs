namespace Evidentia.Core.Documents;

/// <summary>What a batch write did: documents added, replaced, and left alone because nothing changed.</summary>
public sealed record StoreWriteResult(int Added, int Replaced, int Unchanged)
{
    public static StoreWriteResult Empty { get; } = new(0, 0, 0);

    public StoreWriteResult Plus(StoreWriteResult other) =>
        new(Added + other.Added, Replaced + other.Replaced, Unchanged + other.Unchanged);
}
