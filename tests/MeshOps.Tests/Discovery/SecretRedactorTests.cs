using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Tests.Discovery;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("host=postgres port=5432 user=postgres password=password dbname=products", "host=postgres port=5432 user=postgres password=*** dbname=products")]
    [InlineData("postgres://u:secret@h:5432/db", "postgres://u:***@h:5432/db")]
    [InlineData("POSTGRES_PASSWORD=password", "POSTGRES_PASSWORD=***")]
    [InlineData("token=abc123&x=1", "token=***&x=1")]
    [InlineData("Authorization: Bearer eyJhbGciOi.x.y", "Authorization: Bearer ***")]
    [InlineData("curl -H 'Authorization: Basic dXNlcjpwYXNz' http://api", "curl -H 'Authorization: Basic ***' http://api")]
    [InlineData("{\"password\": \"hunter2\", \"user\": \"app\"}", "{\"password\": \"***\", \"user\": \"app\"}")]
    [InlineData("Host=db;Username=u;Password='p w'", "Host=db;Username=u;Password='***'")]
    public void Credentials_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    // Tokens written without a key that says "password": a header in a container arg, an env value, a ConfigMap value.
    [Theory]
    [InlineData("--header=Bearer abcdefgh12345", "--header=Bearer ***")]
    [InlineData("--header=bearer abcdefgh12345", "--header=bearer ***")]
    [InlineData("BEARER abcdefgh12345", "BEARER ***")]
    [InlineData("curl -H \"bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl\" http://api:9090", "curl -H \"bearer ***\" http://api:9090")]
    [InlineData("Authorization: Bearer x", "Authorization: Bearer ***")]
    [InlineData("authorization: bearer x", "authorization: bearer ***")]
    [InlineData("--header=Authorization:Bearer x", "--header=Authorization:Bearer ***")]
    [InlineData("token=abcdefgh12345", "token=***")]
    [InlineData("X-Consul-Token: 8f3e1c2a-1234", "X-Consul-Token: ***")]
    [InlineData("-H 'X-Consul-Token: 8f3e1c2a-1234' http://consul:8500", "-H 'X-Consul-Token: ***' http://consul:8500")]
    [InlineData("--token abcdefgh12345 --listen :8080", "--token *** --listen :8080")]
    [InlineData("consul acl token read -token s3cr3t-value", "consul acl token read -token ***")]
    [InlineData("app --db-password hunter2", "app --db-password ***")]
    public void Bare_tokens_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
        Assert.NotEmpty(SecretRedactor.FindCredentials(text));
    }

    [Theory]
    [InlineData("contains a bearer token in clear text")]
    [InlineData("--token-file /var/run/secrets/token")]
    [InlineData("--token ${CONSUL_TOKEN}")]
    [InlineData("--secret-name db-credentials")]
    [InlineData("--token --verbose")]
    public void Prose_and_flags_that_point_at_a_token_are_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("http://products-api:9090")]
    [InlineData("POSTGRES_PASSWORD_FILE=/run/secrets/db")]
    [InlineData("secretName: db-credentials")]
    [InlineData("password=${DB_PASSWORD}")]
    [InlineData("PWD=/home/app")]
    [InlineData("sslmode=disable")]
    [InlineData("password=***")]
    [InlineData("password=''")]
    [InlineData("Remove automountServiceAccountToken: false from ServiceAccount payments")]
    public void Non_credentials_are_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
        Assert.Empty(SecretRedactor.FindCredentials(text));
    }

    [Fact]
    public void FindCredentials_says_which_key_holds_the_secret_and_where()
    {
        const string text = "host=postgres password=hunter2 dbname=products";

        var hit = Assert.Single(SecretRedactor.FindCredentials(text));

        Assert.Equal(("password", CredentialKind.KeyValue), (hit.Key, hit.Kind));
        Assert.Equal("hunter2", text.Substring(hit.Index, hit.Length));
    }

    [Fact]
    public void Url_password_is_attributed_to_the_scheme()
    {
        var hit = Assert.Single(SecretRedactor.FindCredentials("DATABASE_URL=postgres://app:s3cret@db/app"));

        Assert.Equal(("postgres://", CredentialKind.UrlPassword), (hit.Key, hit.Kind));
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD", true)]
    [InlineData("API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("client_secret", true)]
    [InlineData("POSTGRES_PASSWORD_FILE", false)]
    [InlineData("TOKEN_URL", false)]
    [InlineData("POSTGRES_USER", false)]
    public void Credential_variable_names_are_recognised(string name, bool expected)
    {
        Assert.Equal(expected, SecretRedactor.IsCredentialName(name));
    }
}
