namespace Evidentia.Core.Documents;

/// <summary>
/// Identifies a document across collections. Ids are unique only within a collection
/// (a PMID can be both a PubMedQA abstract and a BioASQ snippet document).
/// </summary>
public readonly record struct DocumentKey(string Collection, string Id)
{
    /// <summary>"collection/id", the form used in URLs, the index and logs.</summary>
    public override string ToString() => $"{Collection}/{Id}";

    /// <summary>Parses "collection/id"; the id may itself contain slashes.</summary>
    public static bool TryParse(string? value, out DocumentKey key)
    {
        key = default;
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (value is null || slash <= 0 || slash == value.Length - 1)
        {
            return false;
        }

        key = new DocumentKey(value[..slash], value[(slash + 1)..]);
        return true;
    }
}
