app.listen({ port: Number(process.env.PORT ?? 3000) });
