import express from 'express';
const port = process.env.PORT ?? 3000;
express().listen(port);
