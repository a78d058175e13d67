using Evidentia.Core.Documents;
using Evidentia.Web.Answering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Sources;

/// <summary>A stored document as quotes are cut from it, with the quoted span [start, end) highlighted.</summary>
public sealed class ShowModel(IDocumentStore store) : PageModel
{
    public Document Document { get; private set; } = null!;

    /// <summary>The highlighted span, when the request gives a valid one.</summary>
    public TextSpan? Highlight { get; private set; }

    /// <summary>When several collections hold the id and none was given.</summary>
    public IReadOnlyList<string> Choices { get; private set; } = [];

    public string Id { get; private set; } = "";

    /// <summary>A guideline's release, status, developer and copyright statement, as its source gives them.</summary>
    public IReadOnlyList<(string Name, string Value)> GuidelineFacts => Facts(
        ("Developer", DocumentFields.Developer), ("Released", DocumentFields.Released), ("Status", DocumentFields.GuidelineStatus),
        ("Copyright", DocumentFields.Copyright));

    /// <summary>What a guideline's grades mean: its rating schemes and the definitions closing its recommendations.</summary>
    public IReadOnlyList<(string Name, string Value)> RatingSchemes => Facts(
        ("Strength of the recommendations", DocumentFields.RecommendationRatingScheme), ("Strength of the evidence", DocumentFields.EvidenceRatingScheme),
        ("Definitions given with the recommendations", DocumentFields.GradeDefinitions));

    private List<(string Name, string Value)> Facts(params (string Label, string Field)[] fields) =>
        Document.EvidenceLevel != EvidenceLevel.Guideline ? [] : fields
            .Where(f => Document.Fields.TryGetValue(f.Field, out var values) && values.Count > 0)
            .Select(f => (f.Label, string.Join("; ", Document.Fields[f.Field])))
            .ToList();

    public async Task<IActionResult> OnGetAsync(string id, string? collection, int? start, int? end, CancellationToken cancellationToken)
    {
        Id = id;
        var (document, collections) = await SourceLookup.FindAsync(store, id, collection, cancellationToken);
        if (document is null)
        {
            if (collections.Count > 1)
            {
                Choices = collections;
                return Page();
            }

            return NotFound();
        }

        Document = document;
        if (start is { } s && end is { } e && 0 <= s && s < e && e <= document.Text.Length)
        {
            Highlight = new TextSpan(s, e);
        }

        return Page();
    }
}
