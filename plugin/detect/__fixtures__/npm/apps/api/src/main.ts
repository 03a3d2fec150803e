import express from 'express';
const port = Number(process.env.PORT) || 8080;
express().listen(port);
