using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Lucene.Net.Index;

namespace Evidentia.Search.Retrieval;

/// <summary>
/// The same text under several ids (NIH pages repeat across MedQuAD's sites; MEDIQA's answers are often a
/// MedQuAD page's text under another heading): a fingerprint of the words of a document's text, and the
/// ordering that keeps duplicates together, so a result list shows one text once, with its copies beside it.
/// </summary>
public static partial class Duplicates
{
    /// <summary>
    /// A 64-bit fingerprint of the document's text: its words in lower case, after a short leading label that
    /// ends in a colon ("Noonan syndrome: …"), from any document alike.
    /// </summary>
    public static long Fingerprint(Document document)
    {
        var text = document.Text;
        if (Label().Match(text) is { Success: true } label)
        {
            text = text[label.Length..];
        }

        var words = string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value));
        // 0 is "no fingerprint": documents without words are nobody's duplicates.
        return words.Length == 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(words)));
    }

    /// <summary>The fingerprints of these Lucene documents (0 where none was indexed).</summary>
    public static long[] Read(IndexReader reader, IReadOnlyList<int> docs)
    {
        var leaves = reader.Leaves;
        var result = new long[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docs[i], leaves)];
            result[i] = leaf.AtomicReader.GetNumericDocValues(IndexFields.Fingerprint)?.Get(docs[i] - leaf.DocBase) ?? 0;
        }

        return result;
    }

    /// <summary>
    /// Positions into a ranked list, reordered so that each text's copies follow its best-ranked one; the
    /// order is otherwise unchanged.
    /// </summary>
    public static IReadOnlyList<int> Together(IReadOnlyList<long> fingerprints)
    {
        var order = new List<int>(fingerprints.Count);
        var placed = new bool[fingerprints.Count];
        for (var i = 0; i < fingerprints.Count; i++)
        {
            if (placed[i])
            {
                continue;
            }

            for (var j = i; j < fingerprints.Count; j++)
            {
                if (!placed[j] && (j == i || (fingerprints[j] != 0 && fingerprints[j] == fingerprints[i])))
                {
                    placed[j] = true;
                    order.Add(j);
                }
            }
        }

        return order;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    // Up to 80 characters without a sentence end, then ": ".
    [GeneratedRegex(@"^\s*[^.?!:\n]{1,80}:\s")]
    private static partial Regex Label();
}
