using System.Globalization;
using System.Text;

namespace Evidentia.Core.Articles;

/// <summary>Readable URL slugs: "How is high blood pressure treated?" → "how-is-high-blood-pressure-treated".</summary>
public static class ArticleSlug
{
    /// <summary>Longest slug kept, cut at a word boundary.</summary>
    public const int MaxLength = 80;

    public static string Create(string question)
    {
        var slug = new StringBuilder(question.Length);
        foreach (var c in question.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf('-', MaxLength);
            text = text[..(cut > 0 ? cut : MaxLength)];
        }

        return text.Length > 0 ? text : "question";
    }
}
