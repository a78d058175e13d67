namespace Evidentia.Core.Documents;

/// <summary>
/// What a batch write did: documents added, replaced, left alone because nothing changed, and removed because the
/// source they came from no longer has them.
/// </summary>
public sealed record StoreWriteResult(int Added, int Replaced, int Unchanged, int Removed = 0)
{
    public static StoreWriteResult Empty { get; } = new(0, 0, 0);

    public StoreWriteResult Plus(StoreWriteResult other) =>
        new(Added + other.Added, Replaced + other.Replaced, Unchanged + other.Unchanged, Removed + other.Removed);
}
