using System.Net;
using System.Text.RegularExpressions;

namespace MeshOps.Clients.Consul;

/// <summary>
/// What a Consul error answer means for the user. Consul answers 403 both for a token it does not know ("ACL not
/// found") and for one that lacks a permission ("Permission denied: token with AccessorID '…' lacks permission
/// 'service:read' on "web"", Consul 1.12+; older servers say only "Permission denied").
/// </summary>
internal static partial class ConsulErrors
{
    public static EndpointException ForStatus(ConsulSettings settings, Uri endpoint, HttpStatusCode status, string body, string acl)
    {
        var address = EndpointAddress.Describe(endpoint);
        var said = EndpointErrors.ServerSaid(body);
        var token = settings.HasToken ? $"the token {settings.TokenSource}" : "no token";
        var text = status switch
        {
            HttpStatusCode.Forbidden when body.Contains("ACL not found", StringComparison.OrdinalIgnoreCase) => settings.HasToken
                ? $"Consul at {address} answered 403 ACL not found: {token} does not exist on this Consul cluster (deleted, expired, or from another cluster). Set {ConsulSettings.TokenVariable} (or {ConsulSettings.TokenFileVariable}) to a valid ACL token with {acl}."
                : $"Consul at {address} answered 403 ACL not found: no token was sent, and ACLs are on. Set {ConsulSettings.TokenVariable} (or {ConsulSettings.TokenFileVariable}) to an ACL token with {acl}.",
            HttpStatusCode.Forbidden when LacksPermission().Match(body) is { Success: true } lacks =>
                $"Consul at {address} answered 403 Permission denied: {token} lacks the permission {lacks.Groups["permission"].Value}{On(lacks)}. Add {lacks.Groups["permission"].Value} to the token's policy, or use a token that has it.",
            HttpStatusCode.Forbidden =>
                $"Consul at {address} answered 403 Permission denied: {token} lacks the permission this call needs ({acl}). Add it to the token's policy, or use a token that has it.{said}",
            HttpStatusCode.Unauthorized =>
                $"Consul at {address} answered 401 Unauthorized: {token} was refused (expired or revoked). Set {ConsulSettings.TokenVariable} to a valid ACL token.{said}",
            HttpStatusCode.NotFound =>
                $"Consul at {address} answered 404 Not Found. Check that {settings.BaseAddress} is a Consul server's HTTP API ({ConsulSettings.AddressVariable}).{said}",
            HttpStatusCode.BadRequest =>
                $"Consul at {address} refused the request as invalid (400 Bad Request).{said}",
            _ => $"Consul at {address} answered {(int)status} {status}.{said}",
        };
        return new EndpointException(endpoint, EndpointFailure.Status, text, status);
    }

    public static EndpointException InvalidBody(Uri endpoint, string what, Exception error) =>
        new(endpoint, EndpointFailure.InvalidResponse,
            $"Consul at {EndpointAddress.Describe(endpoint)} answered with a body that is not {what}: {error.Message} Check that the address is a Consul server's HTTP API ({ConsulSettings.AddressVariable}).",
            HttpStatusCode.OK, innerException: error);

    private static string On(Match lacks) => lacks.Groups["on"].Success ? $" on \"{lacks.Groups["on"].Value}\"" : "";

    [GeneratedRegex(@"lacks permission '(?<permission>[^']+)'(?: on ""(?<on>[^""]*)"")?", RegexOptions.CultureInvariant)]
    private static partial Regex LacksPermission();
}
