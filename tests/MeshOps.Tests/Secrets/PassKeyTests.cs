using MeshOps.Secrets;

namespace MeshOps.Tests.Secrets;

/// <summary>
/// Issue 10 cause 5: compose-style items (<c>- "DB_PASS=…"</c>) were printed as written because the redactor knew
/// password, passwd and pwd but not pass. "pass" counts as the key's last word only, so words that hold it do not.
/// </summary>
public class PassKeyTests
{
    [Theory]
    [InlineData("DB_PASS=hunter2", "DB_PASS=***")]
    [InlineData("- \"DB_PASS=hunter2\"", "- \"DB_PASS=***\"")]
    [InlineData("redis.pass: hunter2", "redis.pass: ***")]
    [InlineData("{\"dbPass\": \"hunter2\"}", "{\"dbPass\": \"***\"}")]
    [InlineData("PASS=hunter2", "PASS=***")]
    [InlineData("mysql --db-pass hunter2", "mysql --db-pass ***")]
    [InlineData("MYSQL_PASSWD=hunter2", "MYSQL_PASSWD=***")]
    [InlineData("PGPWD=hunter2", "PGPWD=***")]
    public void Pass_keys_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("passthrough=true")]
    [InlineData("PASSTHROUGH_MODE=strict")]
    [InlineData("bypass=localhost")]
    [InlineData("compass: north")]
    [InlineData("pass-through: enabled")]
    [InlineData("tls_passthrough: on")]
    [InlineData("--bypass cache")]
    public void Words_that_hold_pass_are_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("DB_PASS", true)]
    [InlineData("dbPass", true)]
    [InlineData("redis.pass", true)]
    [InlineData("DB_PASS_FILE", false)]
    [InlineData("bypass", false)]
    [InlineData("passthrough", false)]
    [InlineData("compass", false)]
    public void Pass_names_are_credential_names(string name, bool expected)
    {
        Assert.Equal(expected, SecretRedactor.IsCredentialName(name));
    }
}
