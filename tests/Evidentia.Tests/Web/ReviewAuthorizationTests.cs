using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Web;

/// <summary>Every review and admin endpoint, for every role: anonymous readers are sent to sign in, a role without the right gets 403.</summary>
public sealed class ReviewAuthorizationTests(DemoWebFixture web) : IClassFixture<DemoWebFixture>
{
    // Who asks: null is an anonymous reader.
    public static TheoryData<Role?, string, int> Pages => Matrix(
        ("/review", [302, 200, 200, 200]),
        ("/review/{id}", [302, 200, 200, 200]),
        ("/admin/users", [302, 403, 403, 200]),
        ("/admin/audit", [302, 403, 403, 200]));

    // Each action on an article in the status it applies to; 302 is done (back to the review page or to sign in).
    public static TheoryData<Role?, string, int> Actions => Matrix(
        ("Start", [302, 302, 403, 302]),
        ("Approve", [302, 302, 403, 302]),
        ("RequestChanges", [302, 302, 403, 302]),
        ("Edit", [302, 302, 302, 302]),
        ("Resubmit", [302, 403, 302, 302]),
        ("AddUser", [302, 403, 403, 302]));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Should_Guard_Every_Page(Role? role, string path, int expected)
    {
        using var client = await ClientAsync(role);
        var id = await StaffClient.ArticleAsync(web, ReviewStatus.Submitted);

        using var response = await client.Http.GetAsync(path.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 302)
        {
            Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Should_Guard_Every_Action(Role? role, string action, int expected)
    {
        using var client = await ClientAsync(role);
        var status = action switch
        {
            "Approve" or "RequestChanges" => ReviewStatus.UnderReview,
            "Resubmit" => ReviewStatus.ChangesRequested,
            _ => ReviewStatus.Submitted,
        };
        var id = await StaffClient.ArticleAsync(web, status);
        // The token comes from a page the client may see: a form of the same kind a browser would have.
        var tokenFrom = role is null ? "/login" : action == "AddUser" && role == Role.Admin ? "/admin/users" : $"/review/{id}";
        var fields = new Dictionary<string, string> { ["version"] = "1", ["note"] = "Made-up review note." };
        var path = $"/review/{id}?handler={action}";
        if (action == "AddUser")
        {
            path = "/admin/users";
            fields = new() { ["name"] = "new-" + Guid.NewGuid().ToString("N")[..8], ["displayName"] = "New User", ["role"] = "Editor", ["password"] = StaffClient.Password };
        }

        using var response = await client.PostFormAsync(path, tokenFrom, fields, action == "Edit" ? [new("keep", "s0-1"), new("keep", "b0")] : null);

        Assert.Equal(expected, (int)response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (expected == 302 && role is null)
        {
            Assert.Contains("/login", location);
        }
        else if (expected == 302)
        {
            Assert.DoesNotContain("/login", location);
        }
    }

    private async Task<StaffClient> ClientAsync(Role? role) =>
        role is { } r ? await StaffClient.SignInAsync(web, r) : StaffClient.Anonymous(web);

    private static TheoryData<Role?, string, int> Matrix(params (string Endpoint, int[] Expected)[] rows)
    {
        var data = new TheoryData<Role?, string, int>();
        Role?[] roles = [null, Role.Reviewer, Role.Editor, Role.Admin];
        foreach (var (endpoint, expected) in rows)
        {
            for (var i = 0; i < roles.Length; i++)
            {
                data.Add(roles[i], endpoint, expected[i]);
            }
        }

        return data;
    }
}
