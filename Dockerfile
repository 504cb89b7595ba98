# Build: the same publish command CI runs (.ci/run), so a green CI means this stage builds.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish HiBobAdmin/HiBobAdmin.csproj -c Release -o artifacts/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /src/artifacts/publish .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataDirectory=/data
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "HiBobAdmin.dll"]
