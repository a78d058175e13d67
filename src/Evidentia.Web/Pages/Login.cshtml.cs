using Evidentia.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>
/// Sign-in for reviewers, editors and admins: failures throttled per client address and, beyond that, per account;
/// one message for every refusal, so the page never tells which names exist or are locked.
/// </summary>
public sealed class LoginModel(AccountService accounts, SignInThrottle throttle) : PageModel
{
    public string? Name { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        Name = name;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            Error = "Give your user name and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address))
        {
            Error = $"Too many failed sign-ins from your network address: try again in {SignInThrottle.Window.TotalMinutes:N0} minutes.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var result = await accounts.CheckAsync(name, password, cancellationToken);
        if (result.User is null)
        {
            throttle.Failed(address);
            Error = "The user name or password is wrong, or the account is locked for a while after too many failed sign-ins.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountService.Principal(result.User, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/review");
    }
}
