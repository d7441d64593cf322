# Dot-sourced by the Pester files and the hosted xunit tests that connect with -AccessToken to a Graph endpoint that never
# answers: Connect-LicenseGovernance reads the token's claims and refuses anything that is not an Entra access token.

# An unsigned JSON Web Token with the claims Microsoft Entra ID gives an application's Graph token, as a SecureString.
function New-TestAccessToken {
    param(
        [string] $TenantId = [guid]::NewGuid().ToString(),
        [timespan] $Lifetime = [timespan]::FromHours(1)
    )

    $claims = [ordered]@{
        aud = 'https://graph.microsoft.com'
        tid = $TenantId
        appid = '6b0f1c1e-1a2b-4c3d-9e8f-0a1b2c3d4e5f'
        app_displayname = 'Licence runbook'
        idtyp = 'app'
        roles = @('User.Read.All', 'LicenseAssignment.Read.All')
        exp = [DateTimeOffset]::UtcNow.Add($Lifetime).ToUnixTimeSeconds()
    }
    $jwt = (ConvertTo-Base64Url '{"alg":"none","typ":"JWT"}') + '.' + (ConvertTo-Base64Url ($claims | ConvertTo-Json -Compress)) + '.'
    # ConvertTo-SecureString is not in every host these tests run in.
    $secure = [securestring]::new()
    $jwt.ToCharArray() | ForEach-Object { $secure.AppendChar($_) }
    $secure
}

function ConvertTo-Base64Url([string] $Text) {
    [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
}
