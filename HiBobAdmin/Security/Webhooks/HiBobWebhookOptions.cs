namespace HiBobAdmin.Security.Webhooks;

/// <summary>The HiBob webhook secret (<c>HiBob:WebhookSecret</c>), shown in Bob's webhook settings.</summary>
public sealed class HiBobWebhookOptions
{
    public const string SectionName = "HiBob";

    public string? WebhookSecret { get; set; }
}
