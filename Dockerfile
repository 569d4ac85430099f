# AI Review Gate App: `docker build -t ai-review-gate-app . && docker run --env-file .env -p 3000:3000 ai-review-gate-app`
FROM node:20-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-alpine
ENV NODE_ENV=production PORT=3000
WORKDIR /app
# The bundle carries its dependencies; probot's CLI is the only runtime install.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY app.yml ./
USER node
EXPOSE 3000
CMD ["npx", "probot", "run", "./dist/app.js"]
