using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>A plain HttpClient for the simulated server: TLS verified against its CA only, its token unless told otherwise.</summary>
public static class RawApi
{
    public static HttpClient Client(SimulatedKubernetesServer server, string? token = null, TimeSpan? timeout = null)
    {
        var authority = X509Certificate2.CreateFromPem(server.CertificateAuthorityPem);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? server.Token);
        return client;
    }

    public static async Task<(int Status, JsonObject Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    public static Task<(int Status, JsonObject Body)> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public static Task<(int Status, JsonObject Body)> ApplyAsync(HttpClient client, string path, string yaml) =>
        SendAsync(client, HttpMethod.Patch, path, yaml, "application/apply-patch+yaml");

    public static IReadOnlyList<string> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!).ToList();
}
